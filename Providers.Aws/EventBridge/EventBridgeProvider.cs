using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.EventBridge;

/// <summary><c>aws-eventbridge</c>: <c>put_event</c> (JSON 1.1 protocol, target prefix AWSEvents).</summary>
internal sealed class EventBridgeProvider(string name, AwsServiceClient events, string? eventBusName)
    : AwsProvider(name, "aws-eventbridge", "events")
{
    protected override IReadOnlyList<string> ActionTypes { get; } = ["put_event"];

    protected override async Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken)
    {
        var source = payload.RequireString("source");
        var detailType = payload.RequireString("detail_type");
        var detail = payload.Raw("detail") ?? throw Payload.Missing("detail");
        var detailText = detail.ValueKind switch
        {
            JsonValueKind.String => detail.GetString()!,
            JsonValueKind.Object => detail.GetRawText(),
            _ => throw Payload.Wrong("detail", "a JSON object or a string"),
        };
        var bus = payload.String("event_bus_name") ?? eventBusName ?? "default";
        var entry = new JsonObject
        {
            ["Source"] = source,
            ["DetailType"] = detailType,
            ["Detail"] = detailText,
            ["EventBusName"] = bus,
        };
        var resources = payload.StringList("resources");
        if (resources.Count > 0)
        {
            entry["Resources"] = AwsJson.StringArray(resources);
        }

        var request = new JsonObject { ["Entries"] = new JsonArray(entry) };
        var answer = await events.SendJsonAsync("AWSEvents.PutEvents", "1.1", AwsJson.ToBytes(request), cancellationToken);
        var failed = AwsJson.Long(answer, "FailedEntryCount") ?? 0;
        var entries = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("Entries", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        if (failed > 0)
        {
            var messages = entries.Where(e => AwsJson.String(e, "ErrorCode") is not null)
                .Select(e => $"{AwsJson.String(e, "ErrorCode")}: {AwsJson.String(e, "ErrorMessage")}");
            throw new AwsCallException(ProviderError.ExecutionFailed(
                string.Create(CultureInfo.InvariantCulture, $"{failed} entries failed: {string.Join("; ", messages)}")));
        }

        return new JsonObject
        {
            ["entries"] = entries.Count,
            ["failed_count"] = failed,
            ["event_id"] = entries.Count > 0 ? AwsJson.String(entries[0], "EventId") : null,
            ["event_bus"] = bus,
            ["status"] = "published",
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        events.SendJsonAsync("AWSEvents.ListEventBuses", "1.1", AwsJson.ToBytes(new JsonObject { ["Limit"] = 1 }), cancellationToken);
}
