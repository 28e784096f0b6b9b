using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Acteon.AwsEmulator;

/// <summary>SQS (JSON 1.0, AmazonSQS.*) and EventBridge (JSON 1.1, AWSEvents.*).</summary>
internal static class JsonServices
{
    private const string Sqs = "application/x-amz-json-1.0";

    public static Reply Handle(EmulatorState state, string baseUrl, string service, string operation, JsonElement body) => (service, operation) switch
    {
        ("sqs", "SendMessage") => SendMessage(state, body),
        ("sqs", "ReceiveMessage") => Receive(state, body),
        ("sqs", "CreateQueue") => CreateQueue(state, baseUrl, body),
        ("sqs", "ListQueues") => Wire.Json(new JsonObject
        {
            ["QueueUrls"] = new JsonArray([.. state.Queues.Keys.Order().Take(Int(body, "MaxResults") ?? 1000)
                .Select(q => (JsonNode)$"{baseUrl}/{EmulatorState.Account}/{q}")]),
        }, Sqs),
        ("events", "PutEvents") => PutEvents(state, body),
        ("events", "ListEventBuses") => Wire.Json(new JsonObject
        {
            ["EventBuses"] = new JsonArray([.. state.EventBuses.Order().Take(Int(body, "Limit") ?? 100).Select(b => (JsonNode)new JsonObject
            {
                ["Name"] = b,
                ["Arn"] = $"arn:aws:events:us-east-1:{EmulatorState.Account}:event-bus/{b}",
            })]),
        }),
        _ => Wire.Error(service, 400, "UnknownOperationException", $"Unknown operation {operation}"),
    };

#pragma warning disable CA5351 // SQS defines MD5OfMessageBody; clients check it, nothing is secured by it.
    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static Reply SendMessage(EmulatorState state, JsonElement body)
    {
        var text = Str(body, "MessageBody");
        if (text is null)
        {
            return Wire.Error("sqs", 400, "MissingParameter", "The request must contain the parameter MessageBody.");
        }

        var queue = QueueName(Str(body, "QueueUrl"));
        if (queue is null || !state.Queues.TryGetValue(queue, out var messages))
        {
            return Wire.Error("sqs", 400, "QueueDoesNotExist", "The specified queue does not exist.");
        }

        var id = Guid.NewGuid().ToString();
        messages.Enqueue((id, text));
        return Wire.Json(new JsonObject { ["MessageId"] = id, ["MD5OfMessageBody"] = Md5(text) }, Sqs);
    }

    private static Reply Receive(EmulatorState state, JsonElement body)
    {
        var queue = QueueName(Str(body, "QueueUrl"));
        if (queue is null || !state.Queues.TryGetValue(queue, out var messages))
        {
            return Wire.Error("sqs", 400, "QueueDoesNotExist", "The specified queue does not exist.");
        }

        var max = Int(body, "MaxNumberOfMessages") ?? 1;
        var list = new JsonArray();
        while (list.Count < max && messages.TryDequeue(out var m))
        {
            list.Add(new JsonObject { ["MessageId"] = m.Id, ["ReceiptHandle"] = "rh-" + m.Id, ["MD5OfBody"] = Md5(m.Body), ["Body"] = m.Body });
        }

        return Wire.Json(new JsonObject { ["Messages"] = list }, Sqs);
    }

    private static Reply CreateQueue(EmulatorState state, string baseUrl, JsonElement body)
    {
        var name = Str(body, "QueueName") ?? "";
        state.Queues.TryAdd(name, new());
        return Wire.Json(new JsonObject { ["QueueUrl"] = $"{baseUrl}/{EmulatorState.Account}/{name}" }, Sqs);
    }

    private static Reply PutEvents(EmulatorState state, JsonElement body)
    {
        if (!body.TryGetProperty("Entries", out var entries) || entries.GetArrayLength() == 0)
        {
            return Wire.Error("events", 400, "ValidationException", "1 validation error detected: Value null at 'entries'");
        }

        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var bus = Str(entry, "EventBusName") ?? "default";
            if (state.FailingEventBuses.Contains(bus) || !state.EventBuses.Contains(bus))
            {
                failed++;
                results.Add(new JsonObject { ["ErrorCode"] = "InternalFailure", ["ErrorMessage"] = $"event bus {bus} could not accept the event" });
                continue;
            }

            var id = Guid.NewGuid().ToString();
            state.Events.Add(new Dictionary<string, string>(AwsEmulator.Flatten(entry)) { ["EventId"] = id });
            results.Add(new JsonObject { ["EventId"] = id });
        }

        return Wire.Json(new JsonObject { ["FailedEntryCount"] = failed, ["Entries"] = results });
    }

    private static string? QueueName(string? url) => url is null ? null : url.TrimEnd('/').Split('/')[^1];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32()
            : e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.String
                ? int.Parse(s.GetString()!, CultureInfo.InvariantCulture)
                : null;
}
