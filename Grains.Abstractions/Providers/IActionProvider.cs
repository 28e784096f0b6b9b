using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>A configured provider, addressed by its configured <see cref="Name"/>.</summary>
public interface IActionProvider
{
    string Name { get; }

    /// <summary>The configured <c>type</c> (log, webhook, aws-sns, ...).</summary>
    string Type { get; }

    /// <summary>Carries out one attempt; the executor adds time-outs, retries and the concurrency limit.</summary>
    ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken);
}
