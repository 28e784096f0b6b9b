using System.Net.Http.Json;
using System.Text.Json;
using Acteon.Gateway.Api.Auth;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.AuthKit;

namespace Acteon.Gateway.Api.Tests.Auth;

/// <summary>Login, expiry, revocation across restarts, API keys, grants per batch element and in audit, brute-force and rate limits, reload, auth off.</summary>
public sealed class AuthBehaviourTests
{
    private const string AcmeKey = "acme-key-0123456789";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Login_ReturnsTokenAndLifetime_WrongPassword401_TokenExpiresOnTheGatewayClock()
    {
        await using var app = App(Settings("token_lifetime_seconds = 600"));
        using var client = app.CreateClient();

        var wrong = await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "admin", password = "nope" });
        var unknown = await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "nobody", password = Password });
        using var login = await client.PostAsJsonAsync("/v1/auth/login", new { username = "admin", password = Password });
        var body = await GatewayApp.ReadAsync(login, HttpStatusCode.OK);
        var token = body.GetProperty("token").GetString()!;
        // The first token of a fresh storage, used seconds later, is not older than the revocation records.
        _time.Advance(TimeSpan.FromSeconds(5));
        var before = await SendAsync(client, HttpMethod.Get, "/v1/rules", token: token);
        _time.Advance(TimeSpan.FromSeconds(596));
        var after = await SendAsync(client, HttpMethod.Get, "/v1/rules", token: token);

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid credentials"), (wrong.Status, wrong.Error));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid credentials"), (unknown.Status, unknown.Error));
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid token: expired"), (after.Status, after.Error));
    }

    [Fact]
    public async Task Logout_RevokesOnlyThatToken_AndTheRevocationSurvivesARestartOnSqlite()
    {
        string directory;
        string revoked, kept;
        await using (var first = App(backend: "sqlite"))
        {
            directory = first.Directory;
            using var client = first.CreateClient();
            (revoked, kept) = (await LoginAsync(client, "admin"), await LoginAsync(client, "admin"));
            var logout = await SendAsync(client, HttpMethod.Post, "/v1/auth/logout", token: revoked);
            var again = await SendAsync(client, HttpMethod.Get, "/v1/rules", token: revoked);
            Assert.Equal(HttpStatusCode.OK, logout.Status);
            Assert.Equal("logged_out", logout.Body.GetProperty("status").GetString());
            Assert.Equal((HttpStatusCode.Unauthorized, "token has been revoked"), (again.Status, again.Error));
        }

        await using var second = App(backend: "sqlite", directory: directory);
        using var restarted = second.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(restarted, HttpMethod.Get, "/v1/rules", token: revoked)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(restarted, HttpMethod.Get, "/v1/rules", token: kept)).Status);
    }

    [Fact]
    public async Task Restart_OnMemory_TokensFromBeforeAreRefused_SoLostRevocationsCannotComeBack()
    {
        string token;
        await using (var first = App())
        {
            using var client = first.CreateClient();
            token = await LoginAsync(client, "admin");
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "/v1/auth/logout", token: token)).Status);
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        await using var second = App();
        using var restarted = second.CreateClient();
        var refused = await SendAsync(restarted, HttpMethod.Get, "/v1/rules", token: token);
        var fresh = await SendAsync(restarted, HttpMethod.Get, "/v1/rules", token: await LoginAsync(restarted, "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.StartsWith("invalid token: issued before", refused.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
    }

    [Fact]
    public async Task ApiKey_ByBearerOrHeader_UnknownKey401_LogoutWithKey400()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var bearer = await SendAsync(client, HttpMethod.Get, "/v1/rules", token: AcmeKey);
        var header = await SendAsync(client, HttpMethod.Get, "/v1/rules", apiKey: AcmeKey);
        var unknown = await SendAsync(client, HttpMethod.Get, "/v1/rules", apiKey: "not-a-key");
        var none = await SendAsync(client, HttpMethod.Get, "/v1/rules");
        var logout = await SendAsync(client, HttpMethod.Post, "/v1/auth/logout", apiKey: AcmeKey);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bearer.Status, header.Status));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid API key"), (unknown.Status, unknown.Error));
        Assert.Equal((HttpStatusCode.Unauthorized, "missing authentication credentials"), (none.Status, none.Error));
        Assert.Equal(HttpStatusCode.BadRequest, logout.Status);
    }

    [Fact]
    public async Task Batch_GrantCheckedPerElement_AndAuditShowsOnlyGrantedTenants()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var admin = await LoginAsync(client, "admin");
        await SendAsync(client, HttpMethod.Post, "/v1/dispatch/batch", new { actions = new[] { Act("acme.eu"), Act("globex"), Act("acme-corp") } }, token: admin);

        var batch = await SendAsync(client, HttpMethod.Post, "/v1/dispatch/batch", new { actions = new[] { Act("acme.eu"), Act("globex"), Act("acme") } }, apiKey: AcmeKey);
        await app.FlushAuditAsync();
        var audit = await SendAsync(client, HttpMethod.Get, "/v1/audit", apiKey: AcmeKey);
        var forbidden = await SendAsync(client, HttpMethod.Get, "/v1/audit?tenant=globex", apiKey: AcmeKey);
        var all = await SendAsync(client, HttpMethod.Get, "/v1/audit", token: admin);

        var results = batch.Body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["success", "error", "success"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("forbidden: no grant covers tenant=globex namespace=notifications provider=log action_type=send",
            results[1].GetProperty("error").GetProperty("message").GetString());
        var tenants = audit.Body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("tenant").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["acme", "acme.eu", "acme.eu"], tenants);
        Assert.Equal(3, audit.Body.GetProperty("total").GetInt32());
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden: no grant covers tenant=globex"), (forbidden.Status, forbidden.Error));
        Assert.Equal(5, all.Body.GetProperty("total").GetInt32());
        Assert.Equal(["acme", "acme", "admin"], audit.Body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("caller_id").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stream_ScopedCaller_GetsOnlyTheEventsOfItsTenants_AndScopedListsOfOthersAre403()
    {
        await using var app = App();
        using var client = app.CreateClient();
        using var acme = app.CreateClient();
        acme.DefaultRequestHeaders.Add("X-API-Key", AcmeKey);
        var admin = await LoginAsync(client, "admin");
        using var adminClient = app.CreateClient();
        adminClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
        await using var scoped = await SseClient.OpenAsync(acme, "/v1/stream");
        await using var everything = await SseClient.OpenAsync(adminClient, "/v1/stream");

        await SendAsync(client, HttpMethod.Post, "/v1/dispatch", Act("globex"), token: admin);
        await SendAsync(client, HttpMethod.Post, "/v1/dispatch", Act("acme.eu"), token: admin);
        var seen = (await everything.NextFrameAsync(), await everything.NextFrameAsync());
        var first = await scoped.NextFrameAsync();
        var events = await SendAsync(client, HttpMethod.Get, "/v1/events?namespace=notifications&tenant=globex", apiKey: AcmeKey);
        var recurring = await SendAsync(client, HttpMethod.Get, "/v1/recurring?namespace=notifications&tenant=globex", apiKey: AcmeKey);

        Assert.Equal(("globex", "acme.eu"), (seen.Item1.Json.GetProperty("tenant").GetString(), seen.Item2.Json.GetProperty("tenant").GetString()));
        // The globex event came first on the node's stream: a leak would be the first frame here.
        Assert.Equal("acme.eu", first.Json.GetProperty("tenant").GetString());
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden: no grant covers tenant=globex namespace=notifications"), (events.Status, events.Error));
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden: no grant covers tenant=globex namespace=notifications"), (recurring.Status, recurring.Error));
    }

    [Fact]
    public async Task Login_FailuresPerUserAndPerAddress_429WithRetryAfter_UntilTheWindowEnds()
    {
        await using var app = App(Settings("login_max_failures = 3\nlogin_window_seconds = 60"));
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "admin", password = "guess" + i })).Status);
        }

        using var blocked = await client.PostAsJsonAsync("/v1/auth/login", new { username = "admin", password = Password });
        var blockedBody = await GatewayApp.ReadAsync(blocked, HttpStatusCode.TooManyRequests);
        // The address is blocked too (every request here comes from one address): another user cannot guess either.
        var otherUser = await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "viewer", password = Password });
        _time.Advance(TimeSpan.FromSeconds(61));
        var later = await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "admin", password = Password });

        Assert.True(blockedBody.GetProperty("retry_after").GetInt32() is > 0 and <= 60);
        Assert.Equal(blockedBody.GetProperty("retry_after").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), blocked.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, otherUser.Status);
        Assert.Equal(HttpStatusCode.OK, later.Status);
    }

    [Fact]
    public async Task RateLimit_PerCallerAndPerTenant_429WithRetryAfterAndHeaders()
    {
        await using var app = App(extra: """
            [rate_limit]
            window_seconds = 60
            per_caller = 3
            per_tenant = 1
            [rate_limit.tenants]
            "acme.big" = 100
            """);
        using var client = app.CreateClient();

        var first = await SendAsync(client, HttpMethod.Post, "/v1/dispatch", Act("acme.eu"), apiKey: AcmeKey);
        var tenantFull = await SendAsync(client, HttpMethod.Post, "/v1/dispatch", Act("acme.eu"), apiKey: AcmeKey);
        var otherTenant = await SendAsync(client, HttpMethod.Post, "/v1/dispatch", Act("acme.big"), apiKey: AcmeKey);
        var callerFull = await SendAsync(client, HttpMethod.Get, "/v1/rules", apiKey: AcmeKey);
        var anotherCaller = await SendAsync(client, HttpMethod.Get, "/v1/rules", token: await LoginAsync(client, "viewer"));
        _time.Advance(TimeSpan.FromSeconds(60));
        var nextWindow = await SendAsync(client, HttpMethod.Get, "/v1/rules", apiKey: AcmeKey);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(("3", "2"), (first.Headers["X-RateLimit-Limit"], first.Headers["X-RateLimit-Remaining"]));
        Assert.True(long.Parse(first.Headers["X-RateLimit-Reset"], System.Globalization.CultureInfo.InvariantCulture) > _time.GetUtcNow().AddSeconds(-60).ToUnixTimeSeconds());
        Assert.Equal((HttpStatusCode.TooManyRequests, "rate limit exceeded for tenant acme.eu"), (tenantFull.Status, tenantFull.Error));
        Assert.True(tenantFull.Body.GetProperty("retry_after").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, otherTenant.Status);
        Assert.Equal((HttpStatusCode.TooManyRequests, "rate limit exceeded"), (callerFull.Status, callerFull.Error));
        Assert.Equal(callerFull.Body.GetProperty("retry_after").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), callerFull.Headers["Retry-After"]);
        Assert.Equal(HttpStatusCode.OK, anotherCaller.Status);
        Assert.Equal(HttpStatusCode.OK, nextWindow.Status);
    }

    [Fact]
    public async Task AuthToml_ChangedWhileRunning_NewUserLogsIn_BadFileKeepsTheOldOnes()
    {
        // Polling logins fail until the file is read: they must not use up the login limit.
        await using var app = App(Settings("login_max_failures = 1000000"));
        using var client = app.CreateClient();
        var authToml = Path.Combine(app.Directory, "auth.toml");

        await File.WriteAllTextAsync(authToml, User("carol", "viewer", Everything).Replace("auth.users", "users", StringComparison.Ordinal));
        // The watcher reloads once the files have been quiet for a moment of the gateway's clock.
        await Wait.UntilAsync(async () =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return (await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "carol", password = Password })).Status == HttpStatusCode.OK;
        }, "carol, added to auth.toml, to be able to log in");
        await File.WriteAllTextAsync(authToml, "[[users]]\nusername = 1\n");
        var reload = await SendAsync(client, HttpMethod.Post, "/v1/auth/reload", token: await LoginAsync(client, "admin"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.Status);
        Assert.Contains("auth.toml:2", reload.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "carol", password = Password })).Status);
    }

    [Fact]
    public async Task AuthDisabled_AnonymousAdmin_OneStartupWarning_LoginIs404()
    {
        var logs = new LogRecorder();
        await using var app = new GatewayApp(configure: b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = app.CreateClient();

        var dispatch = await SendAsync(client, HttpMethod.Post, "/v1/dispatch", Act("any-tenant"));
        var cluster = await SendAsync(client, HttpMethod.Get, "/admin/cluster");
        var login = await SendAsync(client, HttpMethod.Post, "/v1/auth/login", new { username = "admin", password = Password });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (dispatch.Status, cluster.Status));
        Assert.Equal(HttpStatusCode.NotFound, login.Status);
        var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("[auth] is disabled", StringComparison.Ordinal));
        Assert.Contains("anonymous admin", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DeclaresBearerAndApiKeySchemes_OnProtectedOperationsOnly()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var doc = await GatewayApp.ReadAsync(await client.GetAsync(new Uri("/api-doc/openapi.json", UriKind.Relative)), HttpStatusCode.OK);

        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-API-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        var paths = doc.GetProperty("paths");
        Assert.Equal(2, paths.GetProperty("/v1/dispatch").GetProperty("post").GetProperty("security").GetArrayLength());
        Assert.False(paths.GetProperty("/v1/auth/login").GetProperty("post").TryGetProperty("security", out _));
    }

    [Fact]
    public void HashPasswordCommand_PrintsAVerifiableHash_OrTheKeyDigest()
    {
        using var password = new StringWriter();
        using var key = new StringWriter();

        Assert.Equal(0, HashPasswordCommand.Run(key: false, new StringReader("s3cret\n"), password, TextWriter.Null));
        Assert.Equal(0, HashPasswordCommand.Run(key: true, new StringReader("raw-key\n"), key, TextWriter.Null));
        Assert.Equal(2, HashPasswordCommand.Run(key: false, new StringReader(""), TextWriter.Null, TextWriter.Null));

        Assert.True(Silo.Configuration.Auth.PasswordHash.Verify("s3cret", password.ToString().Trim()));
        Assert.Equal(Silo.Configuration.Auth.PasswordHash.KeyHash("raw-key"), key.ToString().Trim());
    }

    private GatewayApp App(string? settings = null, string backend = "memory", string? directory = null, string extra = "") => new(
        string.Join("\n",
            settings ?? Settings(),
            User("admin", "admin", Everything),
            User("viewer", "viewer", Everything),
            Key("acme", AcmeKey, "operator", Grant("\"acme\"")),
            extra),
        backend: backend, directory: directory, time: _time);

    private static object Act(string tenant) => GatewayApp.Action(tenant: tenant, provider: "log");

    private static async Task<Reply> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? token = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) }.WithBearer(token);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        return new Reply(response.StatusCode, json, error, headers);
    }

    private sealed record Reply(HttpStatusCode Status, JsonElement Body, string Error, Dictionary<string, string> Headers);
}
