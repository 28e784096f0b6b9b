using System.Text.Json;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>One SSE frame: its <c>event:</c>, <c>id:</c> and <c>data:</c> lines, or a comment.</summary>
public sealed record SseFrame(string? Event, string? Id, string? Data, string? Comment, IReadOnlyList<string> Lines)
{
    public JsonElement Json
    {
        get
        {
            using var doc = JsonDocument.Parse(Data ?? throw new InvalidOperationException("frame has no data"));
            return doc.RootElement.Clone();
        }
    }

    public static SseFrame Parse(IReadOnlyList<string> lines)
    {
        string? Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..];
        var comment = lines.Count == 1 && lines[0].StartsWith(':') ? lines[0] : null;
        return new SseFrame(Field("event"), Field("id"), Field("data"), comment, lines);
    }
}
