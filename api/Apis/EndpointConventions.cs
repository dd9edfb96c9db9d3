using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>What every route documents and checks the same way.</summary>
public static class EndpointConventions
{
    /// <summary>Documents the problem responses a route may give (400 always comes as a validation problem).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest)
            {
                route.ProducesValidationProblem();
            }
            else
            {
                route.ProducesProblem(status);
            }
        }

        return route;
    }

    /// <summary>
    /// What every authenticated route can answer besides its own: 401 and 403; 429 once its address spent its
    /// failed keys; 503 with Retry-After when the cluster or storage fails for a moment (retry the same request).
    /// </summary>
    public static RouteGroupBuilder ProducesAuthProblems(this RouteGroupBuilder group)
    {
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        group.ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>Ids in paths are opaque, but never blank, over-long or full of odd characters.</summary>
    public static string PathId(string field, string value)
    {
        var v = new Validator();
        v.Id(field, value);
        v.ThrowIfInvalid();
        return value;
    }

    /// <summary>Paging of every list: skip from 0, take from 1 to 200 (50 unless asked).</summary>
    public static (int Skip, int Take) Paging(int? skip, int? take)
    {
        var v = new Validator();
        var s = skip ?? 0;
        var t = take ?? 50;
        v.Range("skip", s, 0, 1_000_000);
        v.Range("take", t, 1, 200);
        v.ThrowIfInvalid();
        return (s, t);
    }
}
