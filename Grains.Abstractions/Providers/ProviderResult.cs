namespace Acteon.Grains.Abstractions.Providers;

/// <summary>Either a response or an error: providers return expected failures, they do not throw them.</summary>
public readonly record struct ProviderResult
{
    private ProviderResult(ProviderResponse? response, ProviderError? error)
    {
        Response = response;
        Error = error;
    }

    public ProviderResponse? Response { get; }
    public ProviderError? Error { get; }

    public static ProviderResult Ok(ProviderResponse response) => new(response, null);
    public static ProviderResult Fail(ProviderError error) => new(null, error);

    public static implicit operator ProviderResult(ProviderResponse response) => Ok(response);
    public static implicit operator ProviderResult(ProviderError error) => Fail(error);
}
