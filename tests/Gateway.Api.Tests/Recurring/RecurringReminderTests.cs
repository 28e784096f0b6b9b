using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.Abstractions.Recurring;
using static Acteon.Gateway.Api.Tests.Recurring.RecurringKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Recurring;

/// <summary>Orleans' own reminder drives the occurrences (real clock): nothing in the test delivers a tick.</summary>
public sealed class RecurringReminderTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Reminder_SixFieldEveryTwoSeconds_ConsecutiveOccurrencesEachOnceWithTheirDerivedIds(string backend)
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + "\n[recurring]\nmin_interval_seconds = 1\nretry_seconds = 1\n", backend: backend);
        var id = await CreateAsync(app, Body("*/2 * * * * *"));

        await listener.WaitForRequestsAsync(3, Limit, "three occurrences fired by the reminder");
        await app.PostJsonAsync($"/v1/recurring/{id}/pause?{Scope}", new { });

        var received = listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var occurrences = received.Select(a => Time(a.GetProperty("metadata").GetProperty("labels").GetProperty("recurring_occurrence"))!.Value).Order().ToList();
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
        Assert.All(received, a => Assert.Equal(
            RecurringKey.OccurrenceId(id, Time(a.GetProperty("metadata").GetProperty("labels").GetProperty("recurring_occurrence"))!.Value),
            a.GetProperty("id").GetString()));
        for (var i = 1; i < occurrences.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), occurrences[i] - occurrences[i - 1]);
        }

        var count = (await GetAsync(app, id)).GetProperty("execution_count").GetInt64();
        Assert.Equal(listener.Requests.Count, count);
    }
}
