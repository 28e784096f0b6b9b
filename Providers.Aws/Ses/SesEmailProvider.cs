using System.Text.Json.Nodes;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.Ses;

/// <summary><c>email</c> with <c>backend = "ses"</c>: <c>send_email</c> through SES v2 (REST-JSON, <c>POST /v2/email/outbound-emails</c>).</summary>
internal sealed class SesEmailProvider(string name, AwsServiceClient ses, string fromAddress, string? configurationSet)
    : AwsProvider(name, "email", "ses")
{
    protected override IReadOnlyList<string> ActionTypes { get; } = ["send_email"];

    protected override async Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken)
    {
        var to = payload.RequireString("to");
        var subject = payload.RequireString("subject");
        var text = payload.String("body");
        var html = payload.String("html_body");
        var body = new JsonObject();
        if (text is not null)
        {
            body["Text"] = new JsonObject { ["Data"] = text, ["Charset"] = "UTF-8" };
        }

        if (html is not null)
        {
            body["Html"] = new JsonObject { ["Data"] = html, ["Charset"] = "UTF-8" };
        }

        var destination = new JsonObject { ["ToAddresses"] = AwsJson.StringArray(Split(to)) };
        if (payload.String("cc") is { } cc)
        {
            destination["CcAddresses"] = AwsJson.StringArray(Split(cc));
        }

        if (payload.String("bcc") is { } bcc)
        {
            destination["BccAddresses"] = AwsJson.StringArray(Split(bcc));
        }

        var request = new JsonObject
        {
            ["FromEmailAddress"] = fromAddress,
            ["Destination"] = destination,
            ["Content"] = new JsonObject
            {
                ["Simple"] = new JsonObject { ["Subject"] = new JsonObject { ["Data"] = subject, ["Charset"] = "UTF-8" }, ["Body"] = body },
            },
        };
        if (payload.String("reply_to") is { } replyTo)
        {
            request["ReplyToAddresses"] = AwsJson.StringArray(Split(replyTo));
        }

        if (configurationSet is not null)
        {
            request["ConfigurationSetName"] = configurationSet;
        }

        var reply = await ses.SendAsync(
            HttpMethod.Post, "/v2/email/outbound-emails", [], new Dictionary<string, string>(), AwsJson.ToBytes(request), "application/json", cancellationToken);
        var answer = AwsServiceClient.ParseJson(reply.Body, "SendEmail");
        return new JsonObject
        {
            ["to"] = to,
            ["subject"] = subject,
            ["status"] = "sent",
            ["backend"] = "ses",
            ["message_id"] = AwsJson.String(answer, "MessageId"),
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        ses.SendAsync(HttpMethod.Get, "/v2/email/account", [], new Dictionary<string, string>(), [], null, cancellationToken);

    private static string[] Split(string addresses) =>
        addresses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
