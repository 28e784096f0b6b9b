using System.Text.Json.Serialization;
using Acteon.Grains.Abstractions.Storage;

namespace Acteon.Grains.Auth;

[GenerateSerializer, Alias("acteon.auth-token-state")]
public sealed record TokenState : IExpiringState
{
    [Id(0)] public bool Revoked { get; init; }
    [Id(1)] public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>An expired token is refused anyway; its revocation may then be deleted.</summary>
    [JsonIgnore]
    public DateTimeOffset? ExpiresAt => TokenExpiresAt;
}
