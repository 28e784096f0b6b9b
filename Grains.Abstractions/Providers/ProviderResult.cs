namespace Acteon.Grains.Abstractions.Providers;

/// <summary>Either a response or an error: providers return expected failures, they do not throw them.</summary>
[GenerateSerializer, Immutable, Alias("acteon.provider-result")]
public readonly record struct ProviderResult
{
    private ProviderResult(ProviderResponse? response, ProviderError? error)
    {
        Response = response;
        Error = error;
    }

    [Id(0)] public ProviderResponse? Response { get; }
    [Id(1)] public ProviderError? Error { get; }

    public static ProviderResult Ok(ProviderResponse response) => new(response, null);
    public static ProviderResult Fail(ProviderError error) => new(null, error);

    public static implicit operator ProviderResult(ProviderResponse response) => Ok(response);
    public static implicit operator ProviderResult(ProviderError error) => Fail(error);
}
