using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>A call to AWS (or a payload check before it) failed; <see cref="AwsProvider"/> turns it into a result.</summary>
internal sealed class AwsCallException(ProviderError error) : Exception(error.Message)
{
    public ProviderError Error { get; } = error;
}
