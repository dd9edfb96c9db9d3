using Microsoft.AspNetCore.Http.Features;
using OrleansCrm.Api.Problems;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// Every route's body limit: the default for JSON routes, the route's own for uploads. A declared length over it is a
/// 413 problem before anything is read; a body that grows past it while it is read (chunked) is stopped by the server
/// at the limit and answered the same way.
/// </summary>
public static class RequestBodyLimits
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var settings = context.RequestServices.GetRequiredService<EdgeSettings>();
        var limit = settings.MaxBytesOf(context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Kind ?? BodyKind.Json);
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }
        else
        {
            // A server that cannot cap the body for us (the test server): count it ourselves.
            context.Request.Body = new CappedBody(context.Request.Body, limit);
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
        }
    }

    private static Task TooLargeAsync(HttpContext context, long limit)
    {
        // The rest of the body is not read: the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        return ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"This route takes a body of at most {limit} bytes.");
    }

    /// <summary>A request body that refuses to be read past the limit, as Kestrel does.</summary>
    private sealed class CappedBody(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int count)
        {
            read += count;
            return read > limit
                ? throw new BadHttpRequestException($"Request body too large. The max request body size is {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : count;
        }
    }
}
