using System.Text.Json.Nodes;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.Sns;

/// <summary><c>aws-sns</c>: <c>publish</c> to the payload's or the configured topic (query protocol, API 2010-03-31).</summary>
internal sealed class SnsProvider(string name, AwsServiceClient sns, string? topicArn)
    : AwsProvider(name, "aws-sns", "sns")
{
    private const string Version = "2010-03-31";

    protected override IReadOnlyList<string> ActionTypes { get; } = ["publish"];

    protected override async Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken)
    {
        var message = payload.RequireString("message");
        var topic = payload.String("topic_arn") ?? topicArn ?? throw MissingTarget("topic_arn", "topic_arn");
        var form = new QueryForm("Publish", Version)
            .Add("TopicArn", topic)
            .Add("Message", message)
            .AddIfPresent("Subject", payload.String("subject"))
            .AddIfPresent("MessageGroupId", payload.String("message_group_id"))
            .AddIfPresent("MessageDeduplicationId", payload.String("message_deduplication_id", "message_dedup_id"));
        var xml = await sns.SendQueryAsync(form, cancellationToken);
        return new JsonObject
        {
            ["message_id"] = xml.Find("MessageId")?.Element.Value,
            ["topic_arn"] = topic,
            ["status"] = "published",
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        sns.SendQueryAsync(new QueryForm("ListTopics", Version), cancellationToken);
}
