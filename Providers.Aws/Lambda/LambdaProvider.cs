using System.Text.Json;
using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.Lambda;

/// <summary><c>aws-lambda</c>: <c>invoke</c> (REST-JSON, <c>POST /2015-03-31/functions/{name}/invocations</c>).</summary>
internal sealed class LambdaProvider(string name, AwsServiceClient lambda, string? functionName, string? qualifier)
    : AwsProvider(name, "aws-lambda", "lambda")
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    protected override IReadOnlyList<string> ActionTypes { get; } = ["invoke"];

    protected override async Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken)
    {
        var function = payload.String("function_name") ?? functionName ?? throw MissingTarget("function_name", "function_name");
        var invocationType = InvocationType(payload.String("invocation_type"));
        var body = payload.Raw("payload") is { } p ? JsonSerializer.SerializeToUtf8Bytes(p) : EmptyObject;
        var version = payload.String("qualifier") ?? qualifier;
        List<KeyValuePair<string, string>> query = version is null ? [] : [new("Qualifier", version)];
        var headers = new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = invocationType };
        var reply = await lambda.SendAsync(
            HttpMethod.Post, $"/2015-03-31/functions/{function}/invocations", query, headers, body, "application/json", cancellationToken);
        var result = ParseResult(reply.Body);
        if (reply.Header("x-amz-function-error") is { } functionError)
        {
            throw new AwsCallException(ProviderError.ExecutionFailed(
                $"Lambda function error: {functionError}: {(result is null ? "" : result.ToJsonString())}"));
        }

        return new JsonObject
        {
            ["function_name"] = function,
            ["status_code"] = reply.Status,
            ["body"] = result,
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        lambda.SendAsync(HttpMethod.Get, "/2015-03-31/functions/", [new("MaxItems", "1")], new Dictionary<string, string>(), [], null, cancellationToken);

    /// <summary>The seed's <c>RequestResponse</c>/<c>Event</c>/<c>DryRun</c>, also in the snake_case the Rust code takes.</summary>
    private static string InvocationType(string? value) => value switch
    {
        null or "RequestResponse" or "request_response" => "RequestResponse",
        "Event" or "event" => "Event",
        "DryRun" or "dry_run" => "DryRun",
        _ => throw Payload.Wrong("invocation_type", "\"RequestResponse\", \"Event\" or \"DryRun\""),
    };

    private static JsonNode? ParseResult(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(System.Text.Encoding.UTF8.GetString(body));
        }
    }
}
