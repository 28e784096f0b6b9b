using System.Text.Json.Nodes;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.Sqs;

/// <summary><c>aws-sqs</c>: <c>send_message</c> (JSON 1.0 protocol, target prefix AmazonSQS).</summary>
internal sealed class SqsProvider(string name, AwsServiceClient sqs, string? queueUrl, AwsClientFactory clients)
    : AwsProvider(name, "aws-sqs", "sqs", clients)
{
    protected override IReadOnlyList<string> ActionTypes { get; } = ["send_message"];

    protected override async Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken)
    {
        var body = payload.RequireString("message_body");
        var queue = payload.String("queue_url") ?? queueUrl ?? throw MissingTarget("queue_url", "queue_url");
        var delay = payload.Integer("delay_seconds");
        if (delay is < 0 or > 900)
        {
            throw Payload.Wrong("delay_seconds", "between 0 and 900");
        }

        var request = new JsonObject { ["QueueUrl"] = queue, ["MessageBody"] = body };
        if (delay is { } d)
        {
            request["DelaySeconds"] = d;
        }

        if (payload.String("message_group_id") is { } group)
        {
            request["MessageGroupId"] = group;
        }

        if (payload.String("message_deduplication_id", "message_dedup_id") is { } dedup)
        {
            request["MessageDeduplicationId"] = dedup;
        }

        var attributes = payload.StringMap("message_attributes");
        if (attributes.Count > 0)
        {
            var map = new JsonObject();
            foreach (var (key, value) in attributes)
            {
                map[key] = new JsonObject { ["DataType"] = "String", ["StringValue"] = value };
            }

            request["MessageAttributes"] = map;
        }

        var answer = await sqs.SendJsonAsync("AmazonSQS.SendMessage", "1.0", AwsJson.ToBytes(request), cancellationToken);
        return new JsonObject
        {
            ["message_id"] = AwsJson.String(answer, "MessageId"),
            ["queue_url"] = queue,
            ["status"] = "sent",
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        sqs.SendJsonAsync("AmazonSQS.ListQueues", "1.0", AwsJson.ToBytes(new JsonObject { ["MaxResults"] = 1 }), cancellationToken);
}
