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

    public static string Md5(string text) => Md5(Encoding.UTF8.GetBytes(text));

#pragma warning disable CA5351 // SQS defines MD5OfMessageBody and MD5OfMessageAttributes; clients check them, nothing is secured by them.
    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    /// <summary>
    /// SQS's digest of message attributes: by name in order, each as length-prefixed name and data type, a transport
    /// byte (1 string or number, 2 binary) and the length-prefixed value. Null without attributes, as SQS leaves it out.
    /// </summary>
    private static string? AttributesMd5(JsonElement body)
    {
        if (!body.TryGetProperty("MessageAttributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        void Write(byte[] bytes)
        {
            Span<byte> length = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }

        foreach (var attribute in attributes.EnumerateObject().OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var dataType = Str(attribute.Value, "DataType") ?? "";
            Write(Encoding.UTF8.GetBytes(attribute.Name));
            Write(Encoding.UTF8.GetBytes(dataType));
            var binary = dataType.StartsWith("Binary", StringComparison.Ordinal);
            buffer.WriteByte(binary ? (byte)2 : (byte)1);
            Write(binary ? Convert.FromBase64String(Str(attribute.Value, "BinaryValue") ?? "") : Encoding.UTF8.GetBytes(Str(attribute.Value, "StringValue") ?? ""));
        }

        return buffer.Length == 0 ? null : Md5(buffer.ToArray());
    }

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
        var answer = new JsonObject { ["MessageId"] = id, ["MD5OfMessageBody"] = Md5(text) };
        if (AttributesMd5(body) is { } attributesMd5)
        {
            answer["MD5OfMessageAttributes"] = attributesMd5;
        }

        return Wire.Json(answer, Sqs);
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
