using System.Globalization;
using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Chains;

/// <summary>The action a step sends to its provider: its id and dedup_key are the step attempt's idempotency key.</summary>
internal static class ChainStepAction
{
    /// <summary><c>{chain_id}:{step}:a{attempt}</c>: the same for a run of the step repeated after a restart, new for a new run.</summary>
    public static string IdempotencyKey(string chainId, string step, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{chainId}:{step}:a{attempt}");

    public static GatewayAction Create(ChainState chain, int index, int attempt)
    {
        var definition = chain.Definition!;
        var step = definition.Steps[index];
        var origin = chain.Origin!;
        var bodies = new Dictionary<string, System.Text.Json.JsonElement?>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (chain.Steps[i].CompletedAt is not null)
            {
                bodies[definition.Steps[i].Name] = chain.Steps[i].ResponseBody;
            }
        }

        var previous = chain.Path.Count > 0 ? bodies.GetValueOrDefault(chain.Path[^1]) : null;
        var scope = new ChainTemplate.Scope(origin, chain.ChainId!, index, previous, bodies);
        var key = IdempotencyKey(chain.ChainId!, step.Name, attempt);
        return new GatewayAction
        {
            Id = key,
            Namespace = origin.Namespace,
            Tenant = origin.Tenant,
            Provider = step.Provider,
            ActionType = step.ActionType,
            Payload = ChainTemplate.Render(step.PayloadTemplate, scope),
            DedupKey = key,
            Labels = origin.Labels,
            CreatedAt = chain.StartedAt,
        };
    }
}
