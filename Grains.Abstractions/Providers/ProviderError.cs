namespace Acteon.Grains.Abstractions.Providers;

/// <summary>Why a provider could not carry out an action.</summary>
[GenerateSerializer, Immutable, Alias("acteon.provider-error")]
public sealed record ProviderError([property: Id(0)] ProviderErrorKind Kind, [property: Id(1)] string Message)
{
    public bool Retryable => Kind.IsRetryable();

    public string Code => Kind.Code();

    public static ProviderError Connection(string message) => new(ProviderErrorKind.Connection, message);
    public static ProviderError RateLimited(string message) => new(ProviderErrorKind.RateLimited, message);
    public static ProviderError Timeout(string message) => new(ProviderErrorKind.Timeout, message);
    public static ProviderError Configuration(string message) => new(ProviderErrorKind.Configuration, message);
    public static ProviderError Serialization(string message) => new(ProviderErrorKind.Serialization, message);
    public static ProviderError ExecutionFailed(string message) => new(ProviderErrorKind.ExecutionFailed, message);
}
