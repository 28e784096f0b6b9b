using System.Text.Json;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Streaming;
using Acteon.Grains.Tests.Grains;
using Xunit;

namespace Acteon.Grains.Tests.Streaming;

public sealed class StreamEventJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 7, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ActionDispatched_SeedShapeWithTheProviderBodyNull()
    {
        var action = GrainTestCluster.Action("a-1");
        var body = JsonDocument.Parse("""{"secret":"token"}""").RootElement;
        var e = StreamEvent.ActionDispatched(action, new ExecutedOutcome("a-1", new ProviderResponse(true, body)));

        var entry = StreamEventJson.Render(e, "0194a0c0-0000-7000-8000-000000000001", At);

        Assert.Equal(
            """{"id":"0194a0c0-0000-7000-8000-000000000001","timestamp":"2026-02-07T14:30:00Z","type":"action_dispatched","outcome":{"outcome":"executed","action_id":"a-1","response":{"status":"success","body":null}},"provider":"echo","namespace":"ns","tenant":"t","action_type":"send","action_id":"a-1"}""",
            entry.Json);
        Assert.Equal(("action_dispatched", "ns", "t", "send", "executed"), (entry.Type, entry.Namespace, entry.Tenant, entry.ActionType, entry.Outcome));
        Assert.Equal(entry, StreamEventJson.Parse(entry.Json));
    }

    [Fact]
    public void Render_OtherTypes_TheirMembersAndNoOutcome()
    {
        var entry = StreamEventJson.Render(StreamEvent.GroupFlushed("ns", "t", "g-1", "k", 4), "id-1", At);

        Assert.Equal(
            """{"id":"id-1","timestamp":"2026-02-07T14:30:00Z","type":"group_flushed","group_id":"g-1","group_key":"k","event_count":4,"namespace":"ns","tenant":"t"}""",
            entry.Json);
        Assert.Null(StreamEventJson.Parse(entry.Json).Outcome);
    }

    [Fact]
    public void Scrub_ApprovalUrlsAndResponseBodies_AtAnyDepth()
    {
        var json = """
            {"outcome":"pending_approval","approval_id":"ap-1","approve_url":"http://x/approve?sig=abc","reject_url":"http://x/reject?sig=def",
             "n":-1.5e3,"ok":true,"no":null,"esc":"a\"b\u00e9","links_url":{"kept_url":"x"},"none_url":null,
             "steps":[{"response":{"status":"success","body":{"k":"v"},"headers":{"h":"1"},"inner":{"raw_url":"kept"}}},{"response":{"status":"failed"}}]}
            """;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            StreamEventJson.WriteScrubbed(System.Text.Encoding.UTF8.GetBytes(json), writer);
        }

        // Inside a response nothing more is scrubbed; a _url member holding an object is scrubbed inside, not replaced.
        Assert.Equal(
            """{"outcome":"pending_approval","approval_id":"ap-1","approve_url":"[redacted]","reject_url":"[redacted]","n":-1.5e3,"ok":true,"no":null,"esc":"a\u0022b\u00E9","links_url":{"kept_url":"[redacted]"},"none_url":null,"steps":[{"response":{"status":"success","body":null,"inner":{"raw_url":"kept"}}},{"response":{"status":"failed","body":null}}]}""",
            System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
