using System.Text.Json;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>What a provider answered; <see cref="Success"/> false means the call went through but the far side refused.</summary>
[GenerateSerializer, Immutable, Alias("acteon.provider-response")]
public sealed record ProviderResponse([property: Id(0)] bool Success, [property: Id(1)] JsonElement Body)
{
    public string Status => Success ? "success" : "failure";
}
