using OrleansCrm.Domain.Common;

namespace OrleansCrm.Grains;

/// <summary>
/// A grain whose stored state has parts derived from it elsewhere: its read-model row, its one reminder, its due
/// work (the charges and outbox entries it owes). Every way into the grain — a command, a retried command answered
/// from stored state, a read, a tick — first makes sure those parts are in place, once per activation
/// (<see cref="ReconcileAsync"/>). A call that fails on anything but a refusal drops the activation: its memory may
/// be ahead of what is stored, and the next call, retry or tick starts again from the stored state and reconciles.
/// </summary>
/// <remarks>
/// A reminder tick reconciles by itself (it runs due work, writes the row and re-arms), so it skips the step
/// before it; a grain calls <see cref="MarkReconciled"/> after any save that put every derived part in place.
/// </remarks>
public abstract class ReconcilingGrain : Grain, IIncomingGrainCallFilter
{
    private bool reconciled;

    /// <summary>Puts in place what derives from the stored state; cheap when it already is (no reminder write then).</summary>
    protected abstract Task ReconcileAsync();

    /// <summary>What derives from the state is in place (after a save that did every derived step).</summary>
    protected void MarkReconciled() => reconciled = true;

    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            if (!reconciled && IsOwnMethod(context) && !IsTick(context))
            {
                await ReconcileAsync();
                reconciled = true;
            }

            await context.Invoke();
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            reconciled = false;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>A call of the grain's own interfaces (not of a runtime extension such as deactivation).</summary>
    private bool IsOwnMethod(IIncomingGrainCallContext context) => ReferenceEquals(context.Request.GetTarget(), this);

    private static bool IsTick(IIncomingGrainCallContext context) => context.InterfaceMethod.DeclaringType == typeof(IRemindable);
}
