using System.Net.Http.Json;
using System.Text;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Acteon.Gateway.Api.Tests.Support.AuthKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Auth;

/// <summary>
/// Every route of the gateway × every kind of caller → the status it must get. The expectations are written out
/// here, row by row; the test reads the app's route table and fails on a route that has no row (and on a row whose
/// route no longer exists). Adding a route = adding one row.
/// </summary>
public sealed class AuthMatrixTests
{
    /// <summary>The columns of <see cref="Row.Expect"/>, in order.</summary>
    private enum Who
    {
        None,
        BadToken,
        Expired,
        Revoked,
        Admin,
        Operator,
        Viewer,

        /// <summary>An operator API key whose only grant is for tenant globex.</summary>
        OtherTenant,

        /// <summary>An operator API key whose only grant is for tenant acme (the requests use tenant acme.eu).</summary>
        ParentTenant,
    }

    private const string Scope = "namespace=notifications&tenant=acme.eu";
    private const string ScopeJson = "\"namespace\":\"notifications\",\"tenant\":\"acme.eu\"";
    private const string Action = """{"namespace":"notifications","tenant":"acme.eu","provider":"log","action_type":"send","payload":{"to":"x"}}""";

    // Expect: none bad expired revoked admin operator viewer other-tenant parent-tenant
    private static readonly Row[] Rows =
    [
        new("GET", "/health", "/health", null, "200 200 200 200 200 200 200 200 200"),
        new("GET", "/health/live", "/health/live", null, "200 200 200 200 200 200 200 200 200"),
        new("GET", "/health/ready", "/health/ready", null, "200 200 200 200 200 200 200 200 200"),
        new("GET", "/metrics", "/metrics", null, "401 401 401 401 200 200 200 403 403"),
        new("*", "/metrics/prometheus", "/metrics/prometheus", null, "401 401 401 401 200 200 200 403 403"),
        new("POST", "/v1/auth/login", "/v1/auth/login", $$"""{"username":"admin","password":"{{Password}}"}""", "200 200 200 200 200 200 200 200 200"),
        new("POST", "/v1/auth/logout", "/v1/auth/logout", null, "401 401 401 401 200 200 200 400 400"),
        new("GET", "/v1/auth/me", "/v1/auth/me", null, "401 401 401 401 200 200 200 200 200"),
        new("POST", "/v1/auth/reload", "/v1/auth/reload", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/admin/cluster", "/admin/cluster", null, "401 401 401 401 200 200 403 403 403"),
        new("POST", "/v1/dispatch/", "/v1/dispatch", Action, "401 401 401 401 200 200 403 403 200"),
        new("POST", "/v1/dispatch/batch", "/v1/dispatch/batch", $$"""{"actions":[{{Action}}]}""", "401 401 401 401 200 200 403 200 200"),
        new("GET", "/v1/audit/", "/v1/audit?tenant=acme.eu", null, "401 401 401 401 200 200 200 403 200"),
        new("GET", "/v1/audit/{action_id}", "/v1/audit/matrix-action", null, "401 401 401 401 200 200 200 403 200"),
        new("GET", "/v1/rules/", "/v1/rules", null, "401 401 401 401 200 200 200 200 200"),
        new("POST", "/v1/rules/evaluate", "/v1/rules/evaluate", Action, "401 401 401 401 200 200 200 403 200"),
        new("POST", "/v1/rules/reload", "/v1/rules/reload", null, "401 401 401 401 200 200 403 403 403"),
        new("PUT", "/v1/rules/{name}/enabled", "/v1/rules/matrix-rule/enabled", """{"enabled":true}""", "401 401 401 401 200 200 403 403 403"),
        new("POST", "/v1/embeddings/similarity", "/v1/embeddings/similarity", """{"text":"disk full","topic":"storage"}""", "401 401 401 401 200 200 403 200 200"),
        new("GET", "/v1/providers/health", "/v1/providers/health", null, "401 401 401 401 200 200 200 200 200"),
        new("GET", "/admin/audit/dead-letters", "/admin/audit/dead-letters", null, "401 401 401 401 200 200 403 403 403"),
        new("GET", "/v1/events/", $"/v1/events?{Scope}", null, "401 401 401 401 200 200 200 403 200"),
        new("GET", "/v1/events/{fingerprint}", $"/v1/events/fp-1?{Scope}", null, "401 401 401 401 404 404 404 403 404"),
        new("PUT", "/v1/events/{fingerprint}/transition", "/v1/events/fp-1/transition", $$"""{"to_state":"acknowledged",{{ScopeJson}}}""",
            "401 401 401 401 404 404 403 403 404"),
        new("GET", "/v1/groups/", $"/v1/groups?{Scope}", null, "401 401 401 401 200 200 200 403 200"),
        new("GET", "/v1/groups/{group_key}", $"/v1/groups/g-1?{Scope}", null, "401 401 401 401 404 404 404 403 404"),
        new("DELETE", "/v1/groups/{group_key}", $"/v1/groups/g-1?{Scope}", null, "401 401 401 401 404 404 403 403 404"),
        new("GET", "/v1/approvals/", $"/v1/approvals?{Scope}", null, "401 401 401 401 200 200 200 403 200"),
        // The decision links are public (the signature is the credential): an unsigned one is a 400 for anyone.
        new("POST", "/v1/approvals/{namespace}/{tenant}/{id}/approve", "/v1/approvals/notifications/acme.eu/a-1/approve", null, "400 400 400 400 400 400 400 400 400"),
        new("POST", "/v1/approvals/{namespace}/{tenant}/{id}/reject", "/v1/approvals/notifications/acme.eu/a-1/reject", null, "400 400 400 400 400 400 400 400 400"),
        // The authenticated decision (the dashboard): ApprovalsDecide and a grant covering the approval's scope.
        new("POST", "/v1/approvals/{namespace}/{tenant}/{id}/decision", "/v1/approvals/notifications/acme.eu/a-1/decision", """{"decision":"approve"}""", "401 401 401 401 404 404 403 403 404"),
        new("GET", "/v1/chains/", $"/v1/chains?{Scope}", null, "401 401 401 401 200 200 200 403 200"),
        new("GET", "/v1/chains/{chain_id}", $"/v1/chains/c-1?{Scope}", null, "401 401 401 401 404 404 404 403 404"),
        new("POST", "/v1/chains/{chain_id}/cancel", "/v1/chains/c-1/cancel", $"{{{ScopeJson}}}", "401 401 401 401 404 404 403 403 404"),
        new("POST", "/v1/recurring/", "/v1/recurring",
            "{" + ScopeJson + ""","cron_expr":"0 9 * * *","provider":"log","action_type":"send","payload":{}}""", "401 401 401 401 201 201 403 403 201"),
        new("GET", "/v1/recurring/", $"/v1/recurring?{Scope}", null, "401 401 401 401 200 200 200 403 200"),
        new("GET", "/v1/recurring/{id}", $"/v1/recurring/r-1?{Scope}", null, "401 401 401 401 404 404 404 403 404"),
        new("PUT", "/v1/recurring/{id}", $"/v1/recurring/r-1?{Scope}", """{"description":"x"}""", "401 401 401 401 404 404 403 403 404"),
        new("DELETE", "/v1/recurring/{id}", $"/v1/recurring/r-1?{Scope}", null, "401 401 401 401 404 404 403 403 404"),
        new("POST", "/v1/recurring/{id}/pause", $"/v1/recurring/r-1/pause?{Scope}", null, "401 401 401 401 404 404 403 403 404"),
        new("POST", "/v1/recurring/{id}/resume", $"/v1/recurring/r-1/resume?{Scope}", null, "401 401 401 401 404 404 403 403 404"),
        // Every caller with StreamSubscribe may open the stream; a scoped one only gets its tenants' events (AuthBehaviourTests).
        new("GET", "/v1/stream", "/v1/stream", null, "401 401 401 401 200 200 200 200 200"),
        new("GET", "/admin/circuit-breakers/", "/admin/circuit-breakers", null, "401 401 401 401 200 200 200 200 200"),
        new("POST", "/admin/circuit-breakers/{provider}/trip", "/admin/circuit-breakers/matrix-hook/trip", null, "401 401 401 401 200 200 403 403 403"),
        new("POST", "/admin/circuit-breakers/{provider}/reset", "/admin/circuit-breakers/matrix-hook/reset", null, "401 401 401 401 200 200 403 403 403"),
        new("POST", "/api/v2/alerts", "/api/v2/alerts", "[]", "401 401 401 401 200 200 403 403 200"),
        // The Orleans Dashboard: admin only.
        new("GET", "/orleans/", "/orleans/", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/index.html", "/orleans/index.html", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/favicon.ico", "/orleans/favicon.ico", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/index.min.js", "/orleans/index.min.js", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/index.css", "/orleans/index.css", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/fonts/{**path}", "/orleans/fonts/none.woff", null, "401 401 401 401 404 403 403 403 403"),
        new("GET", "/orleans/img/{**path}", "/orleans/img/none.png", null, "401 401 401 401 404 403 403 403 403"),
        new("GET", "/orleans/version", "/orleans/version", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/DashboardCounters", "/orleans/DashboardCounters", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/ClusterStats", "/orleans/ClusterStats", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/Reminders", "/orleans/Reminders", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/Reminders/{page:int}", "/orleans/Reminders/1", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/HistoricalStats/{*path}", "/orleans/HistoricalStats/{silo}", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/SiloProperties/{*address}", "/orleans/SiloProperties/{silo}", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/SiloMetadata/{*address}", "/orleans/SiloMetadata/{silo}", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/SiloStats/{*address}", "/orleans/SiloStats/{silo}", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/SiloCounters/{*address}", "/orleans/SiloCounters/{silo}", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/GrainStats/{*grainName}", "/orleans/GrainStats/x", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/TopGrainMethods", "/orleans/TopGrainMethods", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/GrainState", "/orleans/GrainState", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/LifecycleStages", "/orleans/LifecycleStages", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/GrainTypes", "/orleans/GrainTypes", null, "401 401 401 401 200 403 403 403 403"),
        new("GET", "/orleans/Trace", "/orleans/Trace", null, "401 401 401 401 200 403 403 403 403"),
    ];

    /// <summary>Served by the Swagger middleware, not by routes: public, like the documentation they are.</summary>
    private static readonly Row[] Documentation =
    [
        new("GET", "", "/api-doc/openapi.json", null, "200 200 200 200 200 200 200 200 200"),
        new("GET", "", "/swagger-ui/index.html", null, "200 200 200 200 200 200 200 200 200"),
    ];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EveryRoute_EveryCaller_ExpectedStatus()
    {
        await using var app = CreateApp();
        using var client = app.CreateClient();
        await SeedAuditRecordAsync(app, client);

        var routes = RouteTable(app);
        var rows = Rows.Select(r => r.Route).ToHashSet();
        Assert.True(routes.Except(rows).ToList() is [], $"routes without a row in the matrix: {string.Join(", ", routes.Except(rows))}");
        Assert.True(rows.Except(routes).ToList() is [], $"rows for routes that do not exist: {string.Join(", ", rows.Except(routes))}");

        var silo = app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        var failures = new List<string>();
        foreach (var row in Rows.Concat(Documentation))
        {
            var expected = row.Expect.Split(' ').Select(int.Parse).ToArray();
            Assert.Equal(Enum.GetValues<Who>().Length, expected.Length);
            foreach (var who in Enum.GetValues<Who>())
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method == "*" ? "GET" : row.Method), row.Url.Replace("{silo}", silo, StringComparison.Ordinal));
                if (row.Body is not null)
                {
                    request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
                }

                await AuthenticateAsync(request, who, client);
                // Headers only: the dashboard's trace route streams for as long as the client listens.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if ((int)response.StatusCode != expected[(int)who])
                {
                    failures.Add($"{row.Method} {row.Url} as {who}: expected {expected[(int)who]}, got {(int)response.StatusCode} {Shorten(await BodyAsync(response))}");
                }
                else if ((int)response.StatusCode is 401 or 403)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    if (!body.StartsWith("{\"error\":", StringComparison.Ordinal))
                    {
                        failures.Add($"{row.Method} {row.Url} as {who}: a {(int)response.StatusCode} without an {{\"error\"}} body: {Shorten(body)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private GatewayApp CreateApp() => new(
        extraToml: string.Join("\n",
            Settings(),
            User("admin", "admin", Everything),
            User("operator", "operator", Everything),
            User("viewer", "viewer", Everything),
            Key("other-tenant", OtherTenantKey, "operator", Grant("\"globex\"")),
            Key("parent-tenant", ParentTenantKey, "operator", Grant("\"acme\"")),
            """
            [embedding]
            provider = "local"

            [[providers]]
            name = "matrix-hook"
            type = "webhook"
            url = "http://127.0.0.1:9/"

            [circuit_breaker]
            enabled = true

            [alertmanager]
            namespace = "notifications"
            tenant = "acme.eu"
            provider = "log"
            action_type = "send"
            """),
        rules: Files(Rule("matrix-rule", "{field: action.action_type, eq: never}", "{type: suppress}")),
        time: _time);

    private const string OtherTenantKey = "key-other-tenant-0123456789";
    private const string ParentTenantKey = "key-parent-tenant-0123456789";

    private async Task AuthenticateAsync(HttpRequestMessage request, Who who, HttpClient client)
    {
        var now = _time.GetUtcNow();
        switch (who)
        {
            case Who.None:
                break;
            case Who.BadToken:
                request.WithBearer(Token("admin", now, now.AddHours(1), secret: "another-secret-another-secret-another-secret"));
                break;
            case Who.Expired:
                request.WithBearer(Token("admin", now.AddHours(-2), now.AddHours(-1)));
                break;
            case Who.Revoked:
                var revoked = await LoginAsync(client, "admin");
                using (var logout = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/logout").WithBearer(revoked))
                using (var response = await client.SendAsync(logout))
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }

                request.WithBearer(revoked);
                break;
            case Who.Admin or Who.Operator or Who.Viewer:
                // A fresh login per request: the logout row revokes the token it is sent with.
                request.WithBearer(await LoginAsync(client, who.ToString().ToLowerInvariant()));
                break;
            case Who.OtherTenant:
                request.Headers.Add("X-API-Key", OtherTenantKey);
                break;
            case Who.ParentTenant:
                request.WithBearer(ParentTenantKey);
                break;
        }
    }

    private static async Task SeedAuditRecordAsync(GatewayApp app, HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/dispatch")
        {
            Content = JsonContent.Create(new { id = "matrix-action", @namespace = "notifications", tenant = "acme.eu", provider = "log", action_type = "send", payload = new { } }),
        }.WithBearer(await LoginAsync(client, "admin"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.FlushAuditAsync();
    }

    /// <summary>"METHOD pattern" of every route the app serves ("*" when a route takes any method).</summary>
    private static HashSet<string> RouteTable(GatewayApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            return await response.Content.ReadAsStringAsync(enough.Token);
        }
        catch (OperationCanceledException)
        {
            return "(a body still streaming)";
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private sealed record Row(string Method, string Pattern, string Url, string? Body, string Expect)
    {
        public string Route => $"{Method} {Pattern}";
    }
}
