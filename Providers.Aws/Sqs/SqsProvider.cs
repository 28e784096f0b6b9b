using System.Text.Json.Nodes;
using Acteon.Providers.Aws.Protocols;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Acteon.Providers.Aws.Sqs;

/// <summary><c>aws-sqs</c>: <c>send_message</c> through AWSSDK.SQS.</summary>
internal sealed class SqsProvider(string name, IAmazonSQS sqs, string? queueUrl)
    : AwsProvider(name, "aws-sqs", "sqs")
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

        var request = new SendMessageRequest
        {
            QueueUrl = queue,
            MessageBody = body,
            DelaySeconds = (int?)delay,
            MessageGroupId = payload.String("message_group_id"),
            MessageDeduplicationId = payload.String("message_deduplication_id", "message_dedup_id"),
        };
        var attributes = payload.StringMap("message_attributes");
        if (attributes.Count > 0)
        {
            request.MessageAttributes = attributes.ToDictionary(a => a.Key, a => new MessageAttributeValue { DataType = "String", StringValue = a.Value });
        }

        var response = await sqs.SendMessageAsync(request, cancellationToken);
        return new JsonObject
        {
            ["message_id"] = response.MessageId,
            ["queue_url"] = queue,
            ["status"] = "sent",
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        sqs.ListQueuesAsync(new ListQueuesRequest { MaxResults = 1 }, cancellationToken);
}
