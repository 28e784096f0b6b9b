using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Acteon.Silo.Configuration.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>Users, API keys and tokens for auth tests; hashes use few PBKDF2 iterations so that tests log in fast.</summary>
public static class AuthKit
{
    public const string Secret = "test-secret-test-secret-test-secret-0123456789";
    public const string Password = "correct horse battery staple";

    public static string User(string name, string role, params string[] grants) => $"""
        [[auth.users]]
        username = "{name}"
        password_hash = "{PasswordHash.Hash(Password, 10_000)}"
        role = "{role}"
        {string.Join("\n", grants.Select(g => "[[auth.users.grants]]\n" + g))}
        """;

    public static string Key(string name, string rawKey, string role, params string[] grants) => $"""
        [[auth.api_keys]]
        name = "{name}"
        key_hash = "{PasswordHash.KeyHash(rawKey)}"
        role = "{role}"
        {string.Join("\n", grants.Select(g => "[[auth.api_keys.grants]]\n" + g))}
        """;

    public static string Grant(string tenants, string namespaces = "\"*\"", string providers = "\"*\"", string actions = "\"*\"") =>
        $"tenants = [{tenants}]\nnamespaces = [{namespaces}]\nproviders = [{providers}]\nactions = [{actions}]";

    public static readonly string Everything = Grant("\"*\"");

    public static string Settings(string extra = "") => $"""
        [auth]
        enabled = true
        jwt_secret = "{Secret}"
        {extra}
        """;

    public static async Task<string> LoginAsync(HttpClient client, string username, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/v1/auth/login", new { username, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login of {username}: {(int)response.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A token the gateway would accept but for its <paramref name="expires"/> (or its <paramref name="secret"/>).</summary>
    public static string Token(string username, DateTimeOffset issued, DateTimeOffset expires, string secret = Secret) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "acteon",
            Audience = "acteon",
            Subject = new ClaimsIdentity([new Claim("sub", username), new Claim("jti", Guid.NewGuid().ToString("N"))]),
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
