using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Recurring.RecurringKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Recurring;

/// <summary>The wire contract of <c>/v1/recurring</c>: shapes, scope, 400s naming the field, 404 and 409, and the audit of every change.</summary>
public sealed class RecurringEndpointsTests
{
    private static FakeTimeProvider FixedClock => new(Utc("2026-02-09T12:00:00Z"));

    [Fact]
    public async Task Create_TheSeedExample_201WithTheSeedShape()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: new FakeTimeProvider(Utc("2026-02-09T20:00:00Z")));

        var created = await app.PostJsonAsync("/v1/recurring", new
        {
            @namespace = "notifications", tenant = "acme", cron_expr = "0 9 * * MON-FRI", timezone = "US/Eastern", provider = "hook",
            action_type = "send_digest", payload = new { to = "team@example.com" }, description = "Weekday morning digest",
        }, HttpStatusCode.Created);

        Assert.Equal(["recurring_id", "next_execution", "cron_expr", "timezone", "enabled"], created.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(created.GetProperty("recurring_id").GetString(), out _));
        Assert.Equal("2026-02-10T14:00:00Z", created.GetProperty("next_execution").GetString());
        Assert.Equal("0 9 * * MON-FRI", created.GetProperty("cron_expr").GetString());
        Assert.Equal("US/Eastern", created.GetProperty("timezone").GetString());
        Assert.True(created.GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task GetListDelete_DetailShapeEnabledFilterAndTenantScope(string backend)
    {
        await using var listener = await WebhookListener.StartAsync();
        var clock = FixedClock;
        await using var app = new GatewayApp(Hook(listener.Url), backend: backend, time: clock);
        var first = await CreateAsync(app, Body("0 9 * * *", more: ("dedup_key", "digest-{{execution_time}}")));
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateAsync(app, Body("0 10 * * *", "Europe/Paris", ("max_executions", 3)));
        var otherTenant = await CreateAsync(app, Body("0 9 * * *", more: ("tenant", "other")));
        await app.PostJsonAsync($"/v1/recurring/{second}/pause?{Scope}", new { });

        var detail = await GetAsync(app, first);
        var all = await app.GetJsonAsync($"/v1/recurring?{Scope}");
        var active = await app.GetJsonAsync($"/v1/recurring?{Scope}&enabled=true");
        var paused = await app.GetJsonAsync($"/v1/recurring?{Scope}&enabled=false");

        string[] members = ["recurring_id", "namespace", "tenant", "cron_expr", "timezone", "enabled", "provider", "action_type", "payload",
            "description", "next_execution", "last_executed_at", "execution_count", "created_at", "updated_at"];
        Assert.All(members, m => Assert.True(detail.TryGetProperty(m, out _), $"detail lacks {m}"));
        Assert.Equal("UTC", detail.GetProperty("timezone").GetString());
        Assert.Equal("team@example.com", detail.GetProperty("payload").GetProperty("to").GetString());
        Assert.Equal("2026-02-10T09:00:00Z", detail.GetProperty("next_execution").GetString());
        Assert.Equal("digest-{{execution_time}}", detail.GetProperty("dedup_key").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("last_executed_at").ValueKind);
        Assert.Equal(0, detail.GetProperty("execution_count").GetInt64());
        Assert.Equal("2026-02-09T12:00:00Z", detail.GetProperty("created_at").GetString());
        Assert.Equal([first, second], IdsOf(all));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal([first], IdsOf(active));
        Assert.Equal([second], IdsOf(paused));
        Assert.Equal([otherTenant], IdsOf(await app.GetJsonAsync($"/v1/recurring?namespace={Ns}&tenant=other")));
        await app.GetJsonAsync($"/v1/recurring/{first}?namespace={Ns}&tenant=other", HttpStatusCode.NotFound);

        using (var deleted = await app.CreateClient().DeleteAsync(new Uri($"/v1/recurring/{first}?{Scope}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var again = await app.CreateClient().DeleteAsync(new Uri($"/v1/recurring/{first}?{Scope}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        await app.GetJsonAsync($"/v1/recurring/{first}?{Scope}", HttpStatusCode.NotFound);
        Assert.Equal([second], IdsOf(await app.GetJsonAsync($"/v1/recurring?{Scope}")));
    }

    [Fact]
    public async Task Changes_EveryCreateUpdateDeletePauseResume_IsAnAuditRecord()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: FixedClock);
        var id = await CreateAsync(app, Body("0 9 * * *"));
        await app.PutJsonAsync($"/v1/recurring/{id}?{Scope}", new { description = "renamed", end_date = (string?)null });
        await app.PostJsonAsync($"/v1/recurring/{id}/pause?{Scope}", new { });
        await app.PostJsonAsync($"/v1/recurring/{id}/resume?{Scope}", new { });
        using (await app.CreateClient().DeleteAsync(new Uri($"/v1/recurring/{id}?{Scope}", UriKind.Relative)))
        {
        }

        await app.FlushAuditAsync();
        var page = await app.GetJsonAsync($"/v1/audit?provider=system&{Scope}");

        var records = page.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(["recurring.create", "recurring.delete", "recurring.pause", "recurring.resume", "recurring.update"],
            records.Select(r => r.GetProperty("action_type").GetString()).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(id, r.GetProperty("action_id").GetString()));
        Assert.Equal(["created", "deleted", "paused", "resumed", "updated"], records.Select(r => r.GetProperty("outcome").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_PartialFields_OthersKeptAndNullRemovesAnOptionalField()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: FixedClock);
        var id = await CreateAsync(app, Body("0 9 * * *", more: ("max_executions", 5)));

        var updated = await app.PutJsonAsync($"/v1/recurring/{id}?{Scope}", new { payload = new { to = "ops@example.com" }, max_executions = (int?)null });

        Assert.Equal("ops@example.com", updated.GetProperty("payload").GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("max_executions").ValueKind);
        Assert.Equal("0 9 * * *", updated.GetProperty("cron_expr").GetString());
        Assert.Equal("digest", updated.GetProperty("description").GetString());
        await app.PutJsonAsync($"/v1/recurring/{Guid.NewGuid()}?{Scope}", new { description = "x" }, HttpStatusCode.NotFound);
        await app.PostJsonAsync($"/v1/recurring/{Guid.NewGuid()}/pause?{Scope}", new { }, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("cron_expr", "\"61 * * * *\"", "$.cron_expr")]
    [InlineData("cron_expr", "\"0 9 * *\"", "$.cron_expr")]
    [InlineData("cron_expr", "\"*/10 * * * * *\"", "$.cron_expr")]
    [InlineData("cron_expr", "42", "$.cron_expr")]
    [InlineData("timezone", "\"Mars/Olympus\"", "$.timezone")]
    [InlineData("timezone", "\"Eastern Standard Time\"", "$.timezone")]
    [InlineData("provider", "\"nope\"", "$.provider")]
    [InlineData("payload", "[1]", "$.payload")]
    [InlineData("max_executions", "0", "$.max_executions")]
    [InlineData("end_date", "\"tomorrow\"", "$.end_date")]
    [InlineData("end_date", "\"2020-01-01T00:00:00Z\"", "$.end_date")]
    [InlineData("catch_up", "\"all\"", "$.catch_up")]
    [InlineData("cron_expression", "\"0 9 * * *\"", "$.cron_expression")]
    [InlineData("namespace", "null", "$.namespace")]
    public async Task Create_BadField_400NamingIt(string field, string json, string path)
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: FixedClock);
        var body = Body("0 9 * * *");
        body[field] = JsonDocument.Parse(json).RootElement;

        var error = await app.PostJsonAsync("/v1/recurring", body, HttpStatusCode.BadRequest);

        Assert.Contains(error.GetProperty("details").EnumerateArray(), d => d.GetProperty("path").GetString() == path);
        Assert.Contains(path, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await app.GetJsonAsync($"/v1/recurring?{Scope}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_MissingFields_400NamingEach()
    {
        await using var app = new GatewayApp(time: FixedClock);

        var error = await app.PostJsonAsync("/v1/recurring", new { @namespace = "n" }, HttpStatusCode.BadRequest);

        var paths = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.tenant", "$.provider", "$.action_type", "$.payload", "$.cron_expr"], paths);
    }

    [Fact]
    public async Task Update_BadCronOrTimeZone_400AndNothingChanged()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url), time: FixedClock);
        var id = await CreateAsync(app, Body("0 9 * * *"));

        var badCron = await app.PutJsonAsync($"/v1/recurring/{id}?{Scope}", new { cron_expr = "every day", description = "x" }, HttpStatusCode.BadRequest);
        var badZone = await app.PutJsonAsync($"/v1/recurring/{id}?{Scope}", new { timezone = "Nowhere/Town" }, HttpStatusCode.BadRequest);
        var moved = await app.PutJsonAsync($"/v1/recurring/{id}?{Scope}", new { tenant = "other" }, HttpStatusCode.BadRequest);

        Assert.Equal("$.cron_expr", badCron.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal("$.timezone", badZone.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal("$.tenant", moved.GetProperty("details")[0].GetProperty("path").GetString());
        var detail = await GetAsync(app, id);
        Assert.Equal("0 9 * * *", detail.GetProperty("cron_expr").GetString());
        Assert.Equal("digest", detail.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/v1/recurring?tenant=acme", "namespace")]
    [InlineData("/v1/recurring?namespace=notifications", "tenant")]
    [InlineData("/v1/recurring/x?tenant=acme", "namespace")]
    [InlineData("/v1/recurring?namespace=notifications&tenant=acme&enabled=maybe", "enabled")]
    public async Task Read_MissingOrBadQueryParameter_400NamingIt(string url, string parameter)
    {
        await using var app = new GatewayApp(time: FixedClock);

        var error = await app.GetJsonAsync(url, HttpStatusCode.BadRequest);

        Assert.Contains($"'{parameter}'", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SixFieldCron_AcceptedWhenTheMinimumIntervalAllowsIt()
    {
        await using var app = new GatewayApp("[recurring]\nmin_interval_seconds = 15\n", time: FixedClock);

        var created = await app.PostJsonAsync("/v1/recurring", Body("*/15 * * * * *", more: ("provider", "log")), HttpStatusCode.Created);
        await app.PostJsonAsync("/v1/recurring", Body("*/10 * * * * *", more: ("provider", "log")), HttpStatusCode.BadRequest);

        Assert.Equal("2026-02-09T12:00:15Z", created.GetProperty("next_execution").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheSevenEndpointsWithTheirShapes()
    {
        await using var app = new GatewayApp();

        var paths = (await app.GetJsonAsync("/api-doc/openapi.json")).GetProperty("paths");

        Assert.Equal(["get", "post"], paths.GetProperty("/v1/recurring").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["delete", "get", "put"], paths.GetProperty("/v1/recurring/{id}").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/v1/recurring/{id}/pause").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/recurring/{id}/resume").TryGetProperty("post", out _));
        var created = paths.GetProperty("/v1/recurring").GetProperty("post").GetProperty("responses").GetProperty("201").GetRawText();
        Assert.Contains("RecurringCreatedSchema", created, StringComparison.Ordinal);
    }

    private static List<string> IdsOf(JsonElement page) =>
        [.. page.GetProperty("recurring_actions").EnumerateArray().Select(r => r.GetProperty("recurring_id").GetString()!)];
}
