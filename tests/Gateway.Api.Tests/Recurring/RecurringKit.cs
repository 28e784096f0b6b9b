using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Recurring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Acteon.Gateway.Api.Tests.Recurring;

/// <summary>Recurring actions on a gateway whose clock a test drives: create them, and deliver their reminder ticks.</summary>
internal static class RecurringKit
{
    public const string Ns = "notifications";
    public const string Tenant = "acme";
    public const string Scope = $"namespace={Ns}&tenant={Tenant}";

    public static Dictionary<string, object?> Body(string cron, string? timezone = null, params (string Key, object? Value)[] more)
    {
        var body = new Dictionary<string, object?>
        {
            ["namespace"] = Ns, ["tenant"] = Tenant, ["cron_expr"] = cron, ["provider"] = "hook",
            ["action_type"] = "send_digest", ["payload"] = new { to = "team@example.com" }, ["description"] = "digest",
        };
        if (timezone is not null)
        {
            body["timezone"] = timezone;
        }

        foreach (var (key, value) in more)
        {
            body[key] = value;
        }

        return body;
    }

    public static async Task<string> CreateAsync(GatewayApp app, object body)
    {
        var created = await app.PostJsonAsync("/v1/recurring", body, HttpStatusCode.Created);
        return created.GetProperty("recurring_id").GetString()!;
    }

    public static Task<JsonElement> GetAsync(GatewayApp app, string id) => app.GetJsonAsync($"/v1/recurring/{id}?{Scope}");

    public static async Task<DateTimeOffset?> NextAsync(GatewayApp app, string id) =>
        Time((await GetAsync(app, id)).GetProperty("next_execution"));

    public static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : JsonTime.TryParse(value.GetString(), out var t) ? t : throw new FormatException(value.GetString());

    /// <summary>Delivers one reminder tick to the grain, as Orleans' reminder service does (it may deliver one twice).</summary>
    public static Task TickAsync(GatewayApp app, string id)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var grainId = GrainId.Create("recurring-action", RecurringKey.Of(Ns, Tenant, id));
        return grains.GetGrain(grainId).AsReference<IRemindable>()
            .ReceiveReminder("occurrence", new TickStatus(DateTime.UnixEpoch, TimeSpan.FromMinutes(1), DateTime.UnixEpoch));
    }

    /// <summary>Moves the clock to the next occurrence, ticks, and returns that occurrence (null when the action has ended).</summary>
    public static async Task<DateTimeOffset?> StepAsync(GatewayApp app, FakeTimeProvider clock, string id)
    {
        if (await NextAsync(app, id) is not { } next)
        {
            return null;
        }

        clock.SetUtcNow(next);
        await TickAsync(app, id);
        return next;
    }

    /// <summary>The action ids the webhook received, in arrival order.</summary>
    public static List<string> ReceivedIds(WebhookListener listener) =>
        [.. listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];

    public static List<string> Ids(string id, params DateTimeOffset[] occurrences) =>
        [.. occurrences.Select(o => RecurringKey.OccurrenceId(id, o)).Order(StringComparer.Ordinal)];

    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
