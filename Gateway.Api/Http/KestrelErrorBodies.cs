using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// Kestrel answers some requests itself, before any middleware runs (a malformed request line, NUL in the path, a
/// request target or headers over its limits), with an empty body that cannot be configured. This connection
/// middleware gives those answers the gateway's <c>{"error": ...}</c> body: it recognizes Kestrel's canned response
/// head (status 400 or above, <c>Content-Length: 0</c>, <c>Connection: close</c>) as it is written and rewrites it.
/// Every other byte passes through untouched.
/// </summary>
public static class KestrelErrorBodies
{
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new Pipe(transport.Input, new Writer(transport.Output));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    public static string Message(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed request: the request line or a header is invalid (for example NUL or a control character in the path)",
        StatusCodes.Status408RequestTimeout => "the request was not received in time",
        StatusCodes.Status414RequestUriTooLong => "the request target (path and query) is too long",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "the request headers are too large",
        _ => string.Create(CultureInfo.InvariantCulture, $"the request was rejected with status {status}"),
    };

    private static readonly byte[] Http1 = "HTTP/1."u8.ToArray();
    private static readonly byte[] EmptyLength = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    /// <summary>The rewritten response, or null when <paramref name="written"/> is not a canned error head.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (written.Length < 16 || !written.StartsWith(Http1) || written[9] is < (byte)'4' or > (byte)'5'
            || !written.EndsWith(EndOfHead) || written.IndexOf(EmptyLength) < 0 || written.IndexOf(Close) < 0
            || !int.TryParse(written.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var body = Encoding.UTF8.GetBytes($"{{\"error\":\"{Message(status)}\"}}");
        var at = written.IndexOf(EmptyLength);
        var head = new ArrayBufferWriter<byte>(written.Length + 64 + body.Length);
        head.Write(written[..at]);
        head.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n")));
        head.Write(written[(at + EmptyLength.Length)..]);
        head.Write(body);
        return head.WrittenSpan.ToArray();
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>Passes writes through; looks at each advanced chunk only to recognize a canned error head.</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _last;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_last = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            var written = _last.Span[..Math.Min(bytes, _last.Length)];
            if (bytes > 0 && written[0] == (byte)'H' && Rewrite(written) is { } rewritten)
            {
                rewritten.CopyTo(inner.GetSpan(rewritten.Length));
                inner.Advance(rewritten.Length);
                return;
            }

            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
