using OrleansCrm.Contracts.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

/// <summary>Operations checks (admin): what the running service should have done and has not.</summary>
public static class OpsApi
{
    /// <summary>
    /// Due work runs within a retry period of falling due (the reminder's period retries a failed tick); work overdue
    /// by this many periods has no reminder, or its reminder never ran successfully.
    /// </summary>
    public const int GraceRetryPeriods = 3;

    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/api/v1/ops").WithTags("Operations").RequireAuthorization(Roles.AdminOnly).ProducesAuthProblems();
        ops.MapGet("/overdue-work", OverdueWork).WithName("ListOverdueWork")
            .WithSummary($"Orders whose next scheduled work (a charge, an email, the auto-cancel) fell due more than {GraceRetryPeriods} retry periods ago and has not run: a missing or failing reminder. Earliest first; skip/take (admin)")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<OverdueWorkView>> OverdueWork(
        IOrderDirectory orders, CrmClock clock, IOptions<DueWorkOptions> dueWork, int? skip, int? take, CancellationToken cancellationToken)
    {
        var (s, t) = EndpointConventions.Paging(skip, take);
        var now = clock.GetUtcNow();
        var dueBefore = now - (dueWork.Value.RetryPeriod * GraceRetryPeriods);
        return TypedResults.Ok(new OverdueWorkView(now, dueBefore, await orders.OverdueAsync(dueBefore, s, t, cancellationToken)));
    }
}
