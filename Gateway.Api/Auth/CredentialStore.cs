using System.Collections.Frozen;
using System.Security.Claims;
using Acteon.Silo.Configuration;
using Acteon.Silo.Configuration.Auth;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// The users and API keys in force. <see cref="Reload"/> reads acteon.toml and auth.toml again; a bad file leaves
/// the current credentials in place (and says why). <c>enabled</c>, <c>jwt_secret</c> and the lifetimes are read at start only.
/// </summary>
public sealed partial class CredentialStore(ActeonConfig config, ILogger<CredentialStore> logger)
{
    private Snapshot _current = new(config.Auth.Credentials);

    public AuthConfig Settings => config.Auth;

    public AuthUser? User(string username) => _current.Users.GetValueOrDefault(username);

    /// <summary>The principal of the API key <paramref name="rawKey"/> (made once per key and credentials version), or null.</summary>
    public ClaimsPrincipal? KeyPrincipalByRawKey(string rawKey) => _current.KeyPrincipals.GetValueOrDefault(PasswordHash.KeyHash(rawKey));

    public IReadOnlyList<string> Files => _current.Credentials.Files;

    /// <summary>Reads the files again; returns null when done, else the configuration error (the old credentials stay).</summary>
    public string? Reload()
    {
        if (config.SourceFile is not { } file)
        {
            return null;
        }

        try
        {
            var credentials = ConfigLoader.LoadAuthCredentials(file);
            _current = new Snapshot(credentials);
            LogReloaded(logger, credentials.Users.Count, credentials.ApiKeys.Count);
            return null;
        }
        catch (Exception error) when (error is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(logger, error.Message);
            return error.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "[auth] reloaded: {Users} users, {Keys} API keys")]
    private static partial void LogReloaded(ILogger logger, int users, int keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "[auth] not reloaded, the previous users and keys stay in force: {Error}")]
    private static partial void LogReloadFailed(ILogger logger, string error);

    private sealed class Snapshot(AuthCredentials credentials)
    {
        public AuthCredentials Credentials { get; } = credentials;
        public FrozenDictionary<string, AuthUser> Users { get; } = credentials.Users.ToFrozenDictionary(u => u.Username, StringComparer.Ordinal);
        public FrozenDictionary<string, ClaimsPrincipal> KeyPrincipals { get; } = credentials.ApiKeys.ToFrozenDictionary(
            k => k.KeyHash, k => new ClaimsPrincipal(new CallerIdentity(new Caller(k.Name, k.Role, k.Grants, Caller.ApiKey))), StringComparer.Ordinal);
    }
}
