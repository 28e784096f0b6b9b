namespace Acteon.Grains.Abstractions.Providers;

public static class ProviderErrorKindExtensions
{
    /// <summary>The wire code of <c>failed.error.code</c>.</summary>
    public static string Code(this ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.Connection => "CONNECTION",
        ProviderErrorKind.RateLimited => "RATE_LIMITED",
        ProviderErrorKind.Timeout => "TIMEOUT",
        ProviderErrorKind.Configuration => "CONFIGURATION",
        ProviderErrorKind.Serialization => "SERIALIZATION",
        _ => "EXECUTION_FAILED",
    };

    /// <summary>Connection failures, throttling and time-outs are worth another attempt; nothing else is.</summary>
    public static bool IsRetryable(this ProviderErrorKind kind) =>
        kind is ProviderErrorKind.Connection or ProviderErrorKind.RateLimited or ProviderErrorKind.Timeout;
}
