using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using OrleansCrm.Api.Problems;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Tests;

/// <summary>The one problem mapping: a failure a retry can cure is a 503 with Retry-After, whatever wraps it; anything else stays a 500.</summary>
public sealed class TransientFailureProblemTests
{
    private static Exception Failure(string name) => name switch
    {
        "silo unavailable" => new SiloUnavailableException("The target silo became unavailable for message."),
        "cluster out of reach" => new Orleans.Runtime.MembershipService.OrleansClusterConnectivityCheckFailedException("No gateway answered."),
        "gateway too busy" => new GatewayTooBusyException(),
        "grain call timed out" => new TimeoutException("Response did not arrive on time in 00:00:15."),
        "connection to a silo failed" => new ConnectionFailedException("Unable to connect to endpoint."),
        "write raced another activation" => new InconsistentStateException("Version conflict (WriteState).", "3", "2"),
        "database unreachable" => new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused)),
        "database shutting down" => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        "storage provider wrapping the database" => new OrleansException("Error writing the grain state.", new NpgsqlException("Exception while reading from stream", new TimeoutException())),
        "several calls, one timed out" => new AggregateException(new InvalidOperationException("other"), new TimeoutException()),
        "a socket" => new SocketException((int)SocketError.ConnectionReset),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static async Task<(int Status, string? RetryAfter, string? ContentType, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new CrmExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<CrmExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.FirstOrDefault(), context.Response.ContentType, body);
    }

    [Theory]
    [InlineData("silo unavailable")]
    [InlineData("cluster out of reach")]
    [InlineData("gateway too busy")]
    [InlineData("grain call timed out")]
    [InlineData("connection to a silo failed")]
    [InlineData("write raced another activation")]
    [InlineData("database unreachable")]
    [InlineData("database shutting down")]
    [InlineData("storage provider wrapping the database")]
    [InlineData("several calls, one timed out")]
    [InlineData("a socket")]
    public async Task A_transient_cluster_or_storage_failure_is_a_503_problem_with_Retry_After(string failure)
    {
        var (status, retryAfter, contentType, body) = await HandleAsync(Failure(failure));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal(CrmExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        Assert.Contains("Retry", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_provider_that_did_not_answer_is_a_503_with_Retry_After_too()
    {
        var (status, retryAfter, _, _) = await HandleAsync(new DomainException(ProblemKind.Unavailable, "The payment provider did not answer", "Retry with the same Idempotency-Key."));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.NotNull(retryAfter);
    }

    [Theory]
    [InlineData("a bug")]
    [InlineData("a value the database refuses")]
    [InlineData("a database error no retry cures")]
    public async Task A_failure_no_retry_cures_stays_a_500_without_Retry_After_and_reveals_nothing(string failure)
    {
        Exception exception = failure switch
        {
            "a bug" => new InvalidOperationException("Sequence contains no elements"),
            "a value the database refuses" => new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"),
            _ => new NpgsqlException("The connection string is wrong"),
        };

        var (status, retryAfter, contentType, body) = await HandleAsync(exception);

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Null(retryAfter);
        Assert.Equal("application/problem+json", contentType);
        Assert.DoesNotContain(exception.Message, body.GetRawText(), StringComparison.Ordinal);
    }
}
