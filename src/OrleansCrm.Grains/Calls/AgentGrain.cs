using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Domain.Messaging.Templates;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// An agent's agenda: one grain per agent, so bookings of one agenda happen one at a time and a slot is never
/// booked twice (the rules are the domain's <see cref="Agenda"/>; it also keeps the slots open calls hold, in
/// memory). The booking reminders are the grain's scheduled work (one reminder, at the earliest one due), which
/// every way in first makes sure is armed (<see cref="ReconcilingGrain"/>). A booking made or cancelled sends its
/// campaign's templates on that trigger (<see cref="BookingMessages"/>), or the built-in email when the campaign has
/// none; the templates' reminders are planned with the booking and re-checked when they fall due.
/// </summary>
public sealed partial class AgentGrain(
    [PersistentState(StorageNames.AgentState, StorageNames.Crm)] IPersistentState<AgentState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IEmailOutbox outbox,
    ISmsOutbox smsOutbox,
    ILogger<AgentGrain> logger)
    : ReconcilingGrain, IAgentGrain, IRemindable
{
    /// <summary>How many due booking reminders one turn settles.</summary>
    public const int RemindersPerTurn = 25;

    private Agenda? agenda;

    /// <summary>The turn that settles the next share of due reminders, while one is pending in this activation.</summary>
    private IGrainTimer? remindRest;

    private string AgentId => this.GetPrimaryKeyString();

    private AgentProfile Profile => state.State.Profile ?? new AgentProfile(null, null, AgendaSettings.Default);

    private Agenda Agenda => agenda ??= new Agenda(AgentId, Profile.Agenda, state.State.Bookings, state.State.TemplateReminders ?? []);

    public Task<AgentProfile> GetProfileAsync() => Task.FromResult(Profile);

    public async Task<AgentProfile> PutProfileAsync(AgentProfile profile)
    {
        state.State.Profile = profile;
        Agenda.Reschedule(Profile.Agenda);
        await SaveAsync();
        return Profile;
    }

    public Task<AgendaView> GetAgendaAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var (bookings, free) = Agenda.Between(from, to, clock.GetUtcNow());
        return Task.FromResult(new AgendaView(AgentId, Agenda.Settings, bookings, free));
    }

    public Task HoldAsync(DateTimeOffset start, string callId, DateTimeOffset until)
    {
        Agenda.Hold(start, callId, until, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task ReleaseHoldAsync(string callId)
    {
        Agenda.ReleaseHold(callId);
        return Task.CompletedTask;
    }

    public async Task<Booking> BookAsync(BookingRequest request)
    {
        if (!Agenda.HasBookingsOf(request.CampaignId))
        {
            // On the campaign's list before its templates are read: a reminder template saved from now on reaches this booking.
            await GrainFactory.GetGrain<ICampaignAgendasGrain>(request.CampaignId).AddAgentAsync(AgentId);
        }

        var templates = await TemplatesAsync(request.CampaignId);
        if (Agenda.BookedFor(request.CallId) is { } booked)
        {
            await AnnounceAsync(booked, TriggerEvents.BookingMade, templates, "confirmation", CallEmails.BookingConfirmation);
            await RecordSkippedRemindersAsync(booked, templates);
            return booked;
        }

        var booking = Agenda.Book(request, clock.GetUtcNow());
        Agenda.PlanTemplateReminders(booking.Id, BookingMessages.PlanReminders(booking, templates));
        await SaveAsync();
        await AnnounceAsync(booking, TriggerEvents.BookingMade, templates, "confirmation", CallEmails.BookingConfirmation);
        await RecordSkippedRemindersAsync(booking, templates);
        return booking;
    }

    public async Task<Booking> CancelBookingAsync(string bookingId, Actor by)
    {
        var cancelled = Agenda.Cancel(bookingId, by.UserId, by.IsAgent, clock.GetUtcNow());
        await SaveAsync();
        await AnnounceAsync(cancelled, TriggerEvents.BookingCancelled, await TemplatesAsync(cancelled.CampaignId), "cancelled", CallEmails.BookingCancelled);
        return cancelled;
    }

    public async Task ReplanRemindersAsync(string campaignId, Stored<MessageTemplate> template)
    {
        var changed = Agenda.ReplanTemplateReminders(campaignId, Versioned(template)!, clock.GetUtcNow());
        if (changed.Count == 0)
        {
            return;
        }

        await SaveAsync();
        foreach (var skipped in changed.Where(r => r.Status == BookingReminderStatus.Skipped))
        {
            var booking = Agenda.Find(skipped.BookingId)!;
            await RecordUnsentAsync(booking, BookingMessages.Unsent(skipped, booking, Versioned(template), await FactsAsync(booking)), skipped.Reason!);
        }
    }

    public Task<Booking?> GetBookingAsync(string bookingId) => Task.FromResult(Agenda.Find(bookingId));

    /// <summary>
    /// Sends the booking reminders that are due (each at most once: the outbox keys it by the booking, or by the
    /// template's version and the recipient); a template's reminder is re-checked first and dropped, with the reason,
    /// when its cause no longer holds. One turn settles at most <see cref="RemindersPerTurn"/> and stores them; the rest
    /// follow in turns of their own (the armed reminder is the backstop), so no turn outruns a grain call's timeout.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Armed.TickArrived();
        await RemindDueAsync();
        MarkReconciled();
    }

    private async Task RemindDueAsync()
    {
        var due = Agenda.NextDue(clock.GetUtcNow(), RemindersPerTurn);
        foreach (var booking in due.BuiltIn)
        {
            await SendAsync(booking, "reminder", CallEmails.BookingReminder);
            Agenda.ReminderSent(booking.Id);
        }

        foreach (var reminder in due.FromTemplates)
        {
            await RemindAsync(reminder);
        }

        if (due.Count > 0)
        {
            await WriteAsync();
        }

        await ArmAsync();
        if (due.More)
        {
            remindRest ??= this.RegisterGrainTimer(RemindRestAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    /// <summary>The next turn's share of the due reminders; on a failure the activation is dropped and the armed reminder comes back.</summary>
    private async Task RemindRestAsync(CancellationToken cancellationToken)
    {
        remindRest?.Dispose();
        remindRest = null;
        try
        {
            await RemindDueAsync();
        }
        catch (Exception ex)
        {
            LogRemindersFailed(ex, AgentId);
            DeactivateOnIdle();
        }
    }

    /// <summary>The booking reminders still to send have the reminder armed; an agenda without bookings has none to check.</summary>
    protected override Task ReconcileAsync() => Agenda.Bookings.Count == 0 ? Task.CompletedTask : ArmAsync();

    private async Task SaveAsync()
    {
        await WriteAsync();
        await ArmAsync();
        MarkReconciled();
    }

    /// <summary>The agenda's bookings are what the state stores, with the reminder planned for them (armed after the write).</summary>
    private async Task WriteAsync()
    {
        state.State.Bookings = [.. Agenda.Bookings];
        state.State.TemplateReminders = [.. Agenda.TemplateReminders];
        state.State.Version++;
        scheduler.Plan(state.State.Armed, Agenda.NextReminderAt());
        await state.WriteStateAsync();
    }

    /// <summary>Arms for the next booking reminder: a reminder write only when that moved (or this activation finds it missing or late).</summary>
    private Task ArmAsync()
    {
        scheduler.Plan(state.State.Armed, Agenda.NextReminderAt());
        return scheduler.ArmAsPlannedAsync(this, state.State.Armed);
    }

    /// <summary>A due template reminder, re-checked against the booking and the template as they are now: sent, or dropped with the reason.</summary>
    private async Task RemindAsync(BookingReminder reminder)
    {
        var booking = Agenda.Find(reminder.BookingId);
        VersionedTemplate? template = null;
        MessageFacts? facts = null;
        if (booking is not null)
        {
            template = Versioned(await GrainFactory.GetGrain<IMessageTemplatesGrain>(booking.CampaignId).GetAsync(reminder.TemplateId));
            facts = await FactsAsync(booking);
        }

        var whyNot = BookingMessages.WhyNotSent(reminder, booking, template, facts ?? new MessageFactsBuilder().Build());
        if (whyNot is null)
        {
            var messages = BookingMessages.For(TriggerEvents.BookingReminder, booking!, [template!], facts!);
            whyNot = messages.Count == 0 ? BookingMessages.WhyNotRendered(template!, facts!) : null;
            if (whyNot is null)
            {
                await SendAllAsync(booking!, messages);
            }
        }

        if (whyNot is not null && booking is not null)
        {
            await RecordUnsentAsync(booking, BookingMessages.Unsent(reminder, booking, template, facts!), whyNot);
        }

        Agenda.TemplateReminderSettled(reminder, whyNot);
    }

    /// <summary>A booking's reminders skipped when planned (their time had passed) are in the message log, each as the message it would have been.</summary>
    private async Task RecordSkippedRemindersAsync(Booking booking, IReadOnlyList<VersionedTemplate> templates)
    {
        var skipped = Agenda.TemplateRemindersOf(booking.Id).Where(r => r.Status == BookingReminderStatus.Skipped).ToList();
        if (skipped.Count == 0)
        {
            return;
        }

        var facts = await FactsAsync(booking);
        foreach (var reminder in skipped)
        {
            var template = templates.FirstOrDefault(t => t.Id == reminder.TemplateId);
            await RecordUnsentAsync(booking, BookingMessages.Unsent(reminder, booking, template, facts), reminder.Reason!);
        }
    }

    /// <summary>A reminder not sent goes to the outbox of its channel all the same, recorded <c>Skipped</c> with the reason (the message log shows it); nothing reaches a transport.</summary>
    private async Task RecordUnsentAsync(Booking booking, IReadOnlyList<TemplateMessage> messages, string reason)
    {
        var why = "The booking reminder is not sent: " + reason;
        foreach (var m in messages)
        {
            var context = new MessageContext(booking.CustomerId, null, booking.CallId, $"{m.TemplateId}@{m.TemplateVersion}");
            if (m.Channel == MessageChannels.Sms)
            {
                await smsOutbox.RecordSkippedAsync(new SmsMessage(m.Key, m.To, m.Text, SmsKind.Automated, booking.CustomerTimeZone, Context: context, Sender: m.Sender, CampaignId: booking.CampaignId), why);
            }
            else
            {
                await outbox.RecordSkippedAsync(new EmailMessage(m.Key, m.To, null, m.Subject ?? "", m.Text, m.Html, Context: context), why);
            }
        }
    }

    /// <summary>A booking event's messages: its campaign's templates on the trigger, or the built-in email when the campaign has none enabled there.</summary>
    private async Task AnnounceAsync(Booking booking, string eventName, IReadOnlyList<VersionedTemplate> templates, string what, Func<Booking, string, (string Subject, string Body)> builtIn)
    {
        if (!BookingMessages.TemplatesSpeakFor(eventName, templates))
        {
            await SendAsync(booking, what, builtIn);
            return;
        }

        await SendAllAsync(booking, BookingMessages.For(eventName, booking, templates, await FactsAsync(booking)));
    }

    /// <summary>Each message to the outbox of its channel (which records it and sends it on its own turn).</summary>
    private async Task SendAllAsync(Booking booking, IReadOnlyList<TemplateMessage> messages)
    {
        foreach (var m in messages)
        {
            var context = new MessageContext(booking.CustomerId, null, booking.CallId, $"{m.TemplateId}@{m.TemplateVersion}");
            if (m.Channel == MessageChannels.Sms)
            {
                await smsOutbox.SendAsync(new SmsMessage(m.Key, m.To, m.Text, SmsKind.Automated, booking.CustomerTimeZone, Context: context, Sender: m.Sender, CampaignId: booking.CampaignId));
            }
            else
            {
                var toName = string.Equals(m.To, booking.CustomerEmail, StringComparison.OrdinalIgnoreCase) ? booking.CustomerName : null;
                await outbox.SendAsync(new EmailMessage(m.Key, m.To, toName, m.Subject ?? "", m.Text, m.Html, Context: context));
            }
        }
    }

    /// <summary>The campaign's templates (read from its grain; none when the campaign has none).</summary>
    private async Task<IReadOnlyList<VersionedTemplate>> TemplatesAsync(string campaignId)
    {
        var all = await GrainFactory.GetGrain<IMessageTemplatesGrain>(campaignId).ListAsync();
        return [.. all.Select(t => Versioned(t)!)];
    }

    private static VersionedTemplate? Versioned(Stored<MessageTemplate>? stored) => stored is null ? null : new VersionedTemplate(stored.Id, stored.Version, stored.Value);

    /// <summary>What a booking's messages may say: the booking, this agent, the campaign, and the customer on file (phone, country, personal manager).</summary>
    private async Task<MessageFacts> FactsAsync(Booking booking)
    {
        var campaign = (await GrainFactory.GetGrain<ICampaignGrain>(booking.CampaignId).GetAsync())?.Value;
        var facts = new MessageFactsBuilder().Campaign(booking.CampaignId, campaign?.Name).Booking(booking).Agent(AgentId, Profile);
        if (booking.CustomerId is { } customerId && await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetAsync() is { } customer)
        {
            facts.Customer(customer);
            if (customer.Profile.PersonalManager is { } manager)
            {
                facts.Manager(manager == AgentId ? Profile : await GrainFactory.GetGrain<IAgentGrain>(manager).GetProfileAsync());
            }
        }

        return facts.Build();
    }

    private async Task SendAsync(Booking booking, string what, Func<Booking, string, (string Subject, string Body)> text)
    {
        if (booking.CustomerEmail is null)
        {
            return;
        }

        var (subject, body) = text(booking, Profile.Name ?? AgentId);
        await outbox.SendAsync(new EmailMessage($"booking:{booking.Id}:{what}", booking.CustomerEmail, booking.CustomerName, subject, body, Context: new MessageContext(booking.CustomerId, null, booking.CallId)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId}: a turn of booking reminders failed; the armed reminder comes back for the rest")]
    private partial void LogRemindersFailed(Exception exception, string agentId);
}
