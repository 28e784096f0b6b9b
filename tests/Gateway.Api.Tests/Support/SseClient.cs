using System.Text;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>Reads a <c>text/event-stream</c> response frame by frame (blocks of lines up to an empty line).</summary>
public sealed class SseClient : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public static async Task<SseClient> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            Xunit.Assert.Fail($"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Xunit.Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var sse = new SseClient(response, await response.Content.ReadAsStreamAsync());
        Xunit.Assert.Equal(": connected", (await sse.NextFrameAsync(includeComments: true)).Comment);
        return sse;
    }

    /// <summary>The next frame (comments such as <c>: ping</c> are skipped unless asked for).</summary>
    public async Task<SseFrame> NextFrameAsync(bool includeComments = false)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (true)
        {
            var lines = new List<string>();
            while (true)
            {
                string? line;
                try
                {
                    line = await _reader.ReadLineAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Xunit.Assert.Fail($"no SSE frame within {Limit.TotalSeconds} s");
                    throw;
                }

                Xunit.Assert.True(line is not null, "the stream ended");
                if (line.Length == 0)
                {
                    break;
                }

                lines.Add(line);
            }

            var frame = SseFrame.Parse(lines);
            if (includeComments || frame.Comment is null)
            {
                return frame;
            }
        }
    }

    /// <summary>The next frame of type <paramref name="eventType"/>, skipping others.</summary>
    public async Task<SseFrame> NextAsync(string eventType)
    {
        while (true)
        {
            var frame = await NextFrameAsync();
            if (frame.Event == eventType)
            {
                return frame;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
