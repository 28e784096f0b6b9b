namespace Acteon.Grains.Abstractions.Providers;

/// <summary>The ProviderError variants of the aws seed; their wire codes are in <see cref="ProviderErrorKindExtensions"/>.</summary>
[GenerateSerializer, Alias("acteon.provider-error-kind")]
public enum ProviderErrorKind
{
    Connection,
    RateLimited,
    Timeout,
    Configuration,
    Serialization,
    ExecutionFailed,
}
