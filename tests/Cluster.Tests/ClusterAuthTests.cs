using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Silo.Configuration.Auth;
using Acteon.Tests.Shared;
using Xunit;

namespace Acteon.Cluster.Tests;

/// <summary>Auth across real gateway processes on one PostgreSQL: revocation and rate limits hold on every node.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterAuthTests(PostgresFixture postgres) : NodesTest
{
    private const string Password = "cluster password";
    private const string LimitedKey = "limited-key-0123456789";

    [Fact]
    public async Task Logout_OnNodeA_TokenRefusedOnNodeB_AndCallerLimitIsCountedAcrossNodes()
    {
        var url = await postgres.Server.CreateDatabaseAsync("auth");
        var auth = $"""
            [auth]
            enabled = true
            jwt_secret = "cluster-secret-cluster-secret-cluster-secret"
            [[auth.users]]
            username = "ops"
            password_hash = "{PasswordHash.Hash(Password, 10_000)}"
            role = "operator"
            [[auth.users.grants]]
            tenants = ["*"]
            namespaces = ["*"]
            [[auth.api_keys]]
            name = "limited"
            key_hash = "{PasswordHash.KeyHash(LimitedKey)}"
            role = "viewer"
            [[auth.api_keys.grants]]
            tenants = ["*"]
            namespaces = ["*"]
            [rate_limit]
            per_caller = 1000
            [rate_limit.callers]
            limited = 4
            """;
        // One node first applies the schema; the other then joins.
        Nodes.Add(await GatewayNode.StartAsync("auth-a", url, Webhook.Url, extra: auth));
        Nodes.Add(await GatewayNode.StartAsync("auth-b", url, Webhook.Url, extra: auth));
        var (a, b) = (Nodes[0], Nodes[1]);

        var token = await LoginAsync(a);
        var beforeOnB = await SendAsync(b, HttpMethod.Get, "/v1/rules", token);
        var logout = await SendAsync(a, HttpMethod.Post, "/v1/auth/logout", token);
        var afterOnB = await SendAsync(b, HttpMethod.Get, "/v1/rules", token);
        var afterOnA = await SendAsync(a, HttpMethod.Get, "/v1/rules", token);

        Assert.Equal(HttpStatusCode.OK, beforeOnB.Status);
        Assert.Equal(HttpStatusCode.OK, logout.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "token has been revoked"), (afterOnB.Status, afterOnB.Error));
        Assert.Equal(HttpStatusCode.Unauthorized, afterOnA.Status);

        // Four requests admitted in all, alternating nodes; the fifth is refused whichever node it reaches.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await SendAsync(Nodes[i % 2], HttpMethod.Get, "/v1/rules", token: null, apiKey: LimitedKey)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<string> LoginAsync(GatewayNode node)
    {
        var reply = await SendAsync(node, HttpMethod.Post, "/v1/auth/login", null, $$"""{"username":"ops","password":"{{Password}}"}""");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Body.GetProperty("token").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Error)> SendAsync(
        GatewayNode node, HttpMethod method, string path, string? token, string? body = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        using var response = await node.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        var json = doc.RootElement.Clone();
        var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var e) ? e.GetString() ?? "" : "";
        return (response.StatusCode, json, error);
    }
}
