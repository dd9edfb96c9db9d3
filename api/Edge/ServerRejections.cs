using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// Requests the server refuses before any routing — a NUL in the path, a malformed request line, a
/// request line over 8 KB, headers over 32 KB — are answered by Kestrel itself with an empty body.
/// This connection filter gives those answers the problem body every other error has. It touches
/// only Kestrel's own rejections (a 4xx with no body after which the connection closes), which the
/// app never writes.
/// </summary>
public static class ServerRejections
{
    public static WebApplicationBuilder AddServerRejectionProblems(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Use(next => connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new DuplexPipe(transport.Input, new RewritingWriter(transport.Output));
            return next(connection);
        })));
        return builder;
    }

    /// <summary>The problem body for a status Kestrel rejects with, or null for a response that is not such a rejection.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> response)
    {
        if (response.Length > 1024 || !response.StartsWith("HTTP/1.1 4"u8) || !response.EndsWith("\r\n\r\n"u8)
            || response.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0 || response.IndexOf("\r\nConnection: close\r\n"u8) < 0
            || response.IndexOf("\r\nContent-Type:"u8) >= 0)
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(response);
        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var (title, detail) = status switch
        {
            StatusCodes.Status414UriTooLong => ("The request line is too long", "The path and query may be at most 8 KB."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("The request headers are too large", "All headers together may be at most 32 KB."),
            StatusCodes.Status413PayloadTooLarge => ("The request body is too large", "The body is larger than this route accepts."),
            StatusCodes.Status408RequestTimeout => ("The request took too long to arrive", "Send the whole request within the server's time limit."),
            _ => ("The request could not be read", "The request line or a header is malformed: a path may not hold a NUL or other control characters, and each header must be a valid 'Name: value' line."),
        };
        var body = Encoding.UTF8.GetBytes(
            $"{{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5\",\"title\":\"{title}\",\"status\":{status},\"detail\":\"{detail}\"}}");
        var headers = head[..^2].Replace("\r\nContent-Length: 0\r\n", $"\r\nContent-Length: {body.Length}\r\nContent-Type: application/problem+json\r\n", StringComparison.Ordinal);
        return [.. Encoding.ASCII.GetBytes(headers + "\r\n"), .. body];
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Holds what is written until a flush, so a whole rejection can be seen and replaced; anything else passes on unchanged.</summary>
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private ArrayBufferWriter<byte> pending = new(4096);

        public override void Advance(int bytes) => pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => pending.GetSpan(sizeHint);

        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => pending.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            MovePending();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            MovePending();
            await inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            MovePending();
            return inner.FlushAsync(cancellationToken);
        }

        private void MovePending()
        {
            if (pending.WrittenCount == 0)
            {
                return;
            }

            var written = pending.WrittenSpan;
            if (Rewrite(written) is { } problem)
            {
                inner.Write(problem);
            }
            else
            {
                inner.Write(written);
            }

            // A large body (a recording) passed through: do not keep its buffer for the connection's lifetime.
            pending = pending.Capacity > 64 * 1024 ? new ArrayBufferWriter<byte>(4096) : pending;
            pending.ResetWrittenCount();
        }
    }
}
