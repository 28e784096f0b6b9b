using System.Text.Json;
using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Health;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws;

/// <summary>
/// What every AWS provider shares: the action-type check, turning <see cref="AwsCallException"/>s and AWSSDK
/// exceptions into results (<paramref name="service"/> names the service in their messages), and the health check
/// (the provider grain records each call in the gateway's provider health metrics).
/// </summary>
internal abstract class AwsProvider(string name, string type, string service) : IActionProvider, IProviderHealthCheck
{
    public string Name => name;

    public string Type => type;

    /// <summary>The action types this provider carries out, in the seed's order.</summary>
    protected abstract IReadOnlyList<string> ActionTypes { get; }

    public async ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
    {
        ProviderResult result;
        try
        {
            if (!ActionTypes.Contains(action.ActionType, StringComparer.Ordinal))
            {
                throw new AwsCallException(ProviderError.Configuration(
                    $"unknown action type '{action.ActionType}' for {type} provider '{name}'; allowed: {string.Join(", ", ActionTypes)}"));
            }

            var body = await ExecuteAsync(action.ActionType, new Payload(action.Payload), cancellationToken);
            result = new ProviderResponse(true, JsonSerializer.SerializeToElement(body, AwsJson.NodeType));
        }
        catch (Exception error) when (Classify(error, cancellationToken) is { } classified)
        {
            result = classified;
        }

        return result;
    }

    public async ValueTask<ProviderError?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (Classify(error, cancellationToken) is { } classified)
        {
            return classified;
        }
    }

    /// <summary>Carries out one allowed action; failures are thrown as <see cref="AwsCallException"/> or as the AWSSDK's exceptions.</summary>
    protected abstract Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken);

    /// <summary>The seed's read-only health call.</summary>
    protected abstract Task CheckAsync(CancellationToken cancellationToken);

    /// <summary>A missing target (topic, queue, bucket, function): a configuration error, nothing is sent.</summary>
    protected AwsCallException MissingTarget(string payloadField, string configField) => new(ProviderError.Configuration(
        $"{type} provider '{name}': no {payloadField} in the payload and no {configField} configured"));

    private ProviderError? Classify(Exception error, CancellationToken cancellationToken) =>
        error is AwsCallException call ? call.Error : AwsSdkErrors.Classify(service, error, cancellationToken);
}
