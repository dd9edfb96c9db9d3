using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Messaging.Templates;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// Asks each agent of a campaign to plan one saved reminder template version for its bookings, on the one scheduling
/// pattern: the reminder is armed before the work is recorded, the agents are asked in a turn of the grain's own right
/// after (a one-shot timer), and a turn that fails leaves the reminder to ask the rest again. Each agent's plan is
/// idempotent (it compares what it holds with the version), so asking twice changes nothing.
/// </summary>
/// <remarks>
/// Keyed by the version, so a save never waits behind an earlier version's fan-out; and the agents never call this
/// grain, so its turn waiting on an agent that waits on the campaign's templates is no cycle.
/// </remarks>
public sealed partial class ReminderReplanGrain(
    [PersistentState(StorageNames.ReminderReplanState, StorageNames.Crm)] IPersistentState<ReminderReplanState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    ILogger<ReminderReplanGrain> logger)
    : ReconcilingGrain, IReminderReplanGrain, IRemindable
{
    private IGrainTimer? askNow;

    private ReminderReplanState State => state.State;

    public async Task StartAsync(Stored<MessageTemplate> template, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        if (State.Template is not null)
        {
            AskSoon();
            return;
        }

        State.Template = template;
        State.CampaignId = campaignId;
        scheduler.Plan(State.Armed, clock.GetUtcNow());
        await scheduler.ArmAsPlannedAsync(this, State.Armed); // armed before the work that needs the tick is recorded
        await state.WriteStateAsync();
        MarkReconciled();
        AskSoon();
    }

    public Task<bool> IsFinishedAsync() => Task.FromResult(State.Finished);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        State.Armed.TickArrived();
        await AskAgentsAsync();
        MarkReconciled();
    }

    /// <summary>Work recorded and not finished has its reminder armed.</summary>
    protected override async Task ReconcileAsync()
    {
        if (State.Template is not null && !State.Finished)
        {
            scheduler.Plan(State.Armed, State.Armed.DueAt ?? clock.GetUtcNow());
            await scheduler.ArmAsPlannedAsync(this, State.Armed);
        }
    }

    private void AskSoon()
    {
        if (!State.Finished)
        {
            askNow ??= this.RegisterGrainTimer(AskNowAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    private async Task AskNowAsync(CancellationToken cancellationToken)
    {
        askNow?.Dispose();
        askNow = null;
        try
        {
            await AskAgentsAsync();
        }
        catch (Exception ex)
        {
            LogAskFailed(ex, this.GetPrimaryKeyString());
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Asks every agent not yet done, recording each answer; when all have planned, finished and disarmed. A failure
    /// keeps what was recorded and leaves the armed reminder (one retry period on) to ask the rest.
    /// </summary>
    private async Task AskAgentsAsync()
    {
        if (State.Template is not { } template || State.Finished)
        {
            scheduler.Plan(State.Armed, null);
            await scheduler.ArmAsPlannedAsync(this, State.Armed);
            return;
        }

        var agents = await GrainFactory.GetGrain<ICampaignAgendasGrain>(State.CampaignId).AgentsAsync();
        Exception? failure = null;
        foreach (var agent in agents.Where(a => !State.Replanned.Contains(a)))
        {
            try
            {
                await GrainFactory.GetGrain<IAgentGrain>(agent).ReplanRemindersAsync(State.CampaignId, template);
                State.Replanned.Add(agent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAgentFailed(ex, this.GetPrimaryKeyString(), agent);
                failure ??= ex;
            }
        }

        State.Finished = failure is null;
        scheduler.Plan(State.Armed, State.Finished ? null : State.Armed.DueAt ?? clock.GetUtcNow());
        await state.WriteStateAsync();
        await scheduler.ArmAsPlannedAsync(this, State.Armed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder plan {Key}: agent {AgentId} could not plan it; the reminder asks again")]
    private partial void LogAgentFailed(Exception exception, string key, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder plan {Key}: a turn failed; the reminder asks again")]
    private partial void LogAskFailed(Exception exception, string key);
}
