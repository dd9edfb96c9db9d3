using System.Security.Cryptography;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Domain.Messaging.Templates;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Orders;

/// <summary>
/// The order's messages. A workflow email row fires its trigger: the templates that speak for it (the offer's, the
/// campaign's, or the built-in default; <see cref="OrderMessages.Choose"/>) are rendered and handed to the outbox of
/// their channel. The default goes exactly as the built-in email always went (its key, the order as its owner); a
/// campaign's or an offer's templates go one message per recipient under their own keys, the first email to the
/// customer followed by the row. A cancelled or deleted order announces it once, after the state that says so is
/// stored: a crash in between announces again under the same keys, which the outbox sends once.
/// </summary>
public sealed partial class OrderGrain
{
    private async Task<StepStored> RunEmailAsync(Order order, WorkflowEvent email)
    {
        var now = clock.GetUtcNow();
        var eventName = OrderMessages.TriggerOf(email.Kind);
        var chosen = OrderMessages.Choose(eventName, await CampaignTemplatesAsync(order), OrderMessages.Facts(new MessageFactsBuilder(), order, email).Build());
        if (chosen.Source == OrderTemplateSource.Default && order.Customer.Email is null)
        {
            order.SkipEmail(email.Id, now);
            return StepStored.WithTheRound;
        }

        if (Order.NeedsExtensionLink(email))
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            await GrainFactory.GetGrain<ITrialExtensionTokenGrain>(TrialExtensionTokens.KeyOf(token)).RegisterAsync(Number);
            order.GiveExtensionLink(email.Id, $"{links.Value.BaseUrl.TrimEnd('/')}/api/v1/trial-extensions/{token}");
            await state.WriteStateAsync();
        }

        if (chosen.Source == OrderTemplateSource.Default)
        {
            var (subject, body) = OrderMessages.DefaultEmail(order, email);
            var delivery = await outbox.SendAsync(EmailFor(email, order.Customer.Email!, subject, body));
            order.RecordEmail(email.Id, delivery, now, dueWork.Value.RetryPeriod);

            // Still queued: the outbox reports after its attempt, and that report stores the row (the key is the order's and the row's).
            return delivery.Status == DeliveryStatus.Queued ? StepStored.ByTheOutboxReport : StepStored.WithTheRound;
        }

        var messages = TemplateMessages.Render(eventName, OrderMessages.About(order, email), chosen.Templates, await FactsAsync(order, email));
        var followed = messages.FirstOrDefault(m => m.Channel == MessageChannels.Email && string.Equals(m.To, order.Customer.Email, StringComparison.OrdinalIgnoreCase))
            ?? messages.FirstOrDefault(m => m.Channel == MessageChannels.Email);
        EmailDelivery? followedDelivery = null;
        foreach (var m in messages)
        {
            if (ReferenceEquals(m, followed))
            {
                followedDelivery = await outbox.SendAsync(TemplateEmail(order, m, new EmailOwner(Number, email.Id)));
            }
            else
            {
                await SendAsync(order, m);
            }
        }

        if (followedDelivery is not null)
        {
            order.RecordEmail(email.Id, followedDelivery, now, dueWork.Value.RetryPeriod);
        }
        else
        {
            order.RecordTemplateMessages(email.Id, messages.Count, now);
        }

        return StepStored.WithTheRound; // a template's keys carry its version: re-rendered later, they could differ
    }

    /// <summary>The order's cancellation and deletion, each handed to the outbox once (what the campaign's or offer's templates make of it; there is no default).</summary>
    private async Task AnnounceAsync(Order order)
    {
        if (order.CampaignId is null)
        {
            return; // no campaign, no templates: nothing to announce, and nothing to write
        }

        var announced = state.State.Announced ?? [];
        var pending = OrderMessages.Announcements(order).Where(e => !announced.Contains(e)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var templates = await CampaignTemplatesAsync(order);
        foreach (var eventName in pending)
        {
            var chosen = OrderMessages.Choose(eventName, templates, OrderMessages.Facts(new MessageFactsBuilder(), order, null).Build());
            if (chosen.Templates.Count > 0)
            {
                foreach (var m in TemplateMessages.Render(eventName, OrderMessages.About(order, null), chosen.Templates, await FactsAsync(order, null)))
                {
                    await SendAsync(order, m);
                }
            }

            announced.Add(eventName);
        }

        state.State.Announced = announced;
        await state.WriteStateAsync();
    }

    /// <summary>A template's message to the outbox of its channel, for the message log under the order (an automated SMS).</summary>
    private async Task SendAsync(Order order, TemplateMessage m)
    {
        if (m.Channel == MessageChannels.Sms)
        {
            await smsOutbox.SendAsync(new SmsMessage(m.Key, m.To, m.Text, SmsKind.Automated, order.Customer.TimeZone, Context: Context(order, m), Sender: m.Sender, CampaignId: order.CampaignId));
            return;
        }

        await outbox.SendAsync(TemplateEmail(order, m, owner: null));
    }

    private static EmailMessage TemplateEmail(Order order, TemplateMessage m, EmailOwner? owner)
    {
        var toName = string.Equals(m.To, order.Customer.Email, StringComparison.OrdinalIgnoreCase) ? order.Customer.Name : null;
        return new EmailMessage(m.Key, m.To, toName, m.Subject ?? "", m.Text, m.Html, Owner: owner, Context: Context(order, m));
    }

    private static MessageContext Context(Order order, TemplateMessage m) => new(order.Customer.Id, order.Number, null, m.TemplateLabel);

    /// <summary>The templates of the order's campaign (none for an order placed without one).</summary>
    private async Task<IReadOnlyList<VersionedTemplate>> CampaignTemplatesAsync(Order order)
    {
        if (order.CampaignId is not { } campaignId)
        {
            return [];
        }

        var all = await GrainFactory.GetGrain<IMessageTemplatesGrain>(campaignId).ListAsync();
        return [.. all.Select(t => new VersionedTemplate(t.Id, t.Version, t.Value))];
    }

    /// <summary>What a template may say of the order: the campaign, the customer on file (country, personal manager), the agent who placed it, the order and its row.</summary>
    private async Task<MessageFacts> FactsAsync(Order order, WorkflowEvent? row)
    {
        var facts = new MessageFactsBuilder();
        if (order.CampaignId is { } campaignId)
        {
            facts.Campaign(campaignId, (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Value.Name);
        }

        if (await GrainFactory.GetGrain<ICustomerGrain>(order.Customer.Id).GetAsync() is { } customer)
        {
            facts.Customer(customer);
            if (customer.Profile.PersonalManager is { } manager)
            {
                facts.Manager(await GrainFactory.GetGrain<IAgentGrain>(manager).GetProfileAsync());
            }
        }

        facts.Agent(order.PlacedBy, await GrainFactory.GetGrain<IAgentGrain>(order.PlacedBy).GetProfileAsync());
        return OrderMessages.Facts(facts, order, row).Build();
    }
}
