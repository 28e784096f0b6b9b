using System.Text.Json;

namespace Acteon.Grains.Abstractions.Providers;

/// <summary>What a provider answered; <see cref="Success"/> false means the call went through but the far side refused.</summary>
public sealed record ProviderResponse(bool Success, JsonElement Body)
{
    public string Status => Success ? "success" : "failure";
}
