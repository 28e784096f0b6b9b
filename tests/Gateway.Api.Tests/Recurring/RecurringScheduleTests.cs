using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Recurring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Recurring.RecurringKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Recurring;

/// <summary>
/// When occurrences run, on a driven clock: the gateway clock is a <see cref="FakeTimeProvider"/> and each test
/// delivers the reminder ticks itself; every dispatch goes through the pipeline to a real webhook listener.
/// </summary>
public sealed class RecurringScheduleTests
{
    [Fact]
    public async Task Weekdays_AcrossTheMarchTransitionInUsEastern_NineOClockLocalEachWeekday()
    {
        var (clock, listener, app) = await StartAsync("2026-03-05T12:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 9 * * MON-FRI", "US/Eastern"));

        var ran = await StepsAsync(app, clock, id, 4);

        // Thursday and Friday at 09:00 EST (UTC-5); the clocks go forward on Sunday 8 March; Monday and Tuesday at 09:00 EDT (UTC-4).
        DateTimeOffset[] expected = [Utc("2026-03-05T14:00:00Z"), Utc("2026-03-06T14:00:00Z"), Utc("2026-03-09T13:00:00Z"), Utc("2026-03-10T13:00:00Z")];
        Assert.Equal(expected, ran);
        await listener.WaitForRequestsAsync(4, Limit, "four occurrences");
        Assert.Equal(Ids(id, expected), ReceivedIds(listener));
        Assert.Equal(Utc("2026-03-11T13:00:00Z"), await NextAsync(app, id));
    }

    [Fact]
    public async Task Weekdays_AcrossTheNovemberTransitionInUsEastern_NineOClockLocalEachWeekday()
    {
        var (clock, listener, app) = await StartAsync("2026-10-29T12:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 9 * * MON-FRI", "US/Eastern"));

        var ran = await StepsAsync(app, clock, id, 4);

        // EDT until Sunday 1 November, EST after it.
        Assert.Equal([Utc("2026-10-29T13:00:00Z"), Utc("2026-10-30T13:00:00Z"), Utc("2026-11-02T14:00:00Z"), Utc("2026-11-03T14:00:00Z")], ran);
        await listener.WaitForRequestsAsync(4, Limit, "four occurrences");
        Assert.Equal(4, listener.Requests.Count);
    }

    [Fact]
    public async Task SkippedLocalTime_SpringForward_RunsOnceAtTheEndOfTheGap()
    {
        var (clock, listener, app) = await StartAsync("2026-03-07T12:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("30 2 * * *", "US/Eastern"));

        var ran = await StepsAsync(app, clock, id, 2);

        // 02:30 does not exist on 8 March (02:00 EST jumps to 03:00 EDT): it runs at 03:00 EDT = 07:00Z; then 02:30 EDT.
        Assert.Equal([Utc("2026-03-08T07:00:00Z"), Utc("2026-03-09T06:30:00Z")], ran);
        await listener.WaitForRequestsAsync(2, Limit, "two occurrences");
    }

    [Fact]
    public async Task RepeatedLocalTime_FallBack_RunsOnce()
    {
        var (clock, listener, app) = await StartAsync("2026-10-31T12:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("30 1 * * *", "US/Eastern"));

        Assert.Equal(Utc("2026-11-01T05:30:00Z"), await StepAsync(app, clock, id));
        // 01:30 comes twice on 1 November (EDT, then EST at 06:30Z): the second is not an occurrence.
        Assert.Equal(Utc("2026-11-02T06:30:00Z"), await NextAsync(app, id));
        clock.SetUtcNow(Utc("2026-11-01T06:30:00Z"));
        await TickAsync(app, id);
        Assert.Equal(Utc("2026-11-02T06:30:00Z"), await StepAsync(app, clock, id));

        await listener.WaitForRequestsAsync(2, Limit, "two occurrences");
        Assert.Equal(2, listener.Requests.Count);
        Assert.Equal(2, (await GetAsync(app, id)).GetProperty("execution_count").GetInt64());
    }

    [Fact]
    public async Task EndDate_NoOccurrenceAfterIt()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 12 * * *", more: ("end_date", "2026-01-03T12:00:00Z")));

        var ran = await StepsAsync(app, clock, id, 5);

        Assert.Equal([Utc("2026-01-01T12:00:00Z"), Utc("2026-01-02T12:00:00Z"), Utc("2026-01-03T12:00:00Z")], ran);
        clock.Advance(TimeSpan.FromDays(2));
        await TickAsync(app, id);
        await listener.WaitForRequestsAsync(3, Limit, "three occurrences");
        Assert.Equal(3, listener.Requests.Count);
        Assert.Null(await NextAsync(app, id));
    }

    [Fact]
    public async Task MaxExecutions_EndsAfterThatMany()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 * * * *", more: ("max_executions", 2)));

        var ran = await StepsAsync(app, clock, id, 5);

        Assert.Equal([Utc("2026-01-01T01:00:00Z"), Utc("2026-01-01T02:00:00Z")], ran);
        var detail = await GetAsync(app, id);
        Assert.Equal(2, detail.GetProperty("execution_count").GetInt64());
        Assert.True(detail.GetProperty("enabled").GetBoolean());
        Assert.Null(Time(detail.GetProperty("next_execution")));
    }

    [Fact]
    public async Task PauseAndResume_NoTickRunsWhilePausedAndResumeRecomputesFromNow()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 12 * * *"));

        var paused = await app.PostJsonAsync($"/v1/recurring/{id}/pause?{Scope}", new { });
        Assert.False(paused.GetProperty("enabled").GetBoolean());
        Assert.Null(Time(paused.GetProperty("next_execution")));
        await app.PostJsonAsync($"/v1/recurring/{id}/pause?{Scope}", new { }, HttpStatusCode.Conflict);
        clock.SetUtcNow(Utc("2026-01-01T12:00:00Z"));
        await TickAsync(app, id);
        clock.SetUtcNow(Utc("2026-01-02T18:00:00Z"));
        await TickAsync(app, id);

        var resumed = await app.PostJsonAsync($"/v1/recurring/{id}/resume?{Scope}", new { });
        await app.PostJsonAsync($"/v1/recurring/{id}/resume?{Scope}", new { }, HttpStatusCode.Conflict);

        Assert.True(resumed.GetProperty("enabled").GetBoolean());
        Assert.Equal(Utc("2026-01-03T12:00:00Z"), Time(resumed.GetProperty("next_execution")));
        Assert.Equal(Utc("2026-01-03T12:00:00Z"), await StepAsync(app, clock, id));
        await listener.WaitForRequestsAsync(1, Limit, "the occurrence after resume");
        Assert.Equal(Ids(id, Utc("2026-01-03T12:00:00Z")), ReceivedIds(listener));
    }

    [Fact]
    public async Task Update_CronAndTimeZone_RecomputesTheNextOccurrenceFromNow()
    {
        var (clock, listener, app) = await StartAsync("2026-06-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 9 * * *"));
        Assert.Equal(Utc("2026-06-01T09:00:00Z"), await StepAsync(app, clock, id));

        var updated = await app.PutJsonAsync($"/v1/recurring/{id}?{Scope}", new { cron_expr = "30 10 * * *", timezone = "Europe/Paris" });

        // 10:30 in Paris in June (CEST, UTC+2) is 08:30Z; the next after now (09:00Z on 1 June) is 2 June.
        Assert.Equal("30 10 * * *", updated.GetProperty("cron_expr").GetString());
        Assert.Equal("Europe/Paris", updated.GetProperty("timezone").GetString());
        Assert.Equal(Utc("2026-06-02T08:30:00Z"), Time(updated.GetProperty("next_execution")));
        Assert.Equal("digest", updated.GetProperty("description").GetString());
        Assert.Equal(1, updated.GetProperty("execution_count").GetInt64());
        Assert.Equal(Utc("2026-06-02T08:30:00Z"), await StepAsync(app, clock, id));
        await listener.WaitForRequestsAsync(2, Limit, "one occurrence before and one after the update");
    }

    [Fact]
    public async Task DuplicateTicks_DeliveredTogether_TheOccurrenceRunsOnce()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 12 * * *"));
        clock.SetUtcNow(Utc("2026-01-01T12:00:00Z"));

        await Task.WhenAll(TickAsync(app, id), TickAsync(app, id), TickAsync(app, id));
        await TickAsync(app, id);

        await listener.WaitForRequestsAsync(1, Limit, "the occurrence");
        await app.FlushAuditAsync();
        Assert.Single(listener.Requests);
        Assert.Equal(1, (await GetAsync(app, id)).GetProperty("execution_count").GetInt64());
        Assert.Equal(1, await AuditCountAsync(app, $"?caller_id=recurring&{Scope}"));
    }

    [Fact]
    public async Task OccurrenceClaimedByANodeThatDiedBeforeRecordingIt_IsNotDispatchedAgainAndTheScheduleMovesOn()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 12 * * *"));
        var occurrence = Utc("2026-01-01T12:00:00Z");
        // What a node leaves when it dies after dispatching and before recording: the occurrence's claim, nothing else.
        var claims = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeduplicationGrain>(IDeduplicationGrain.LocalKey);
        Assert.True(await claims.TryClaimAsync(RecurringKey.Of(Ns, Tenant, $"recurring-occurrence/{RecurringKey.OccurrenceId(id, occurrence)}"), TimeSpan.FromDays(7)));

        clock.SetUtcNow(occurrence);
        await TickAsync(app, id);
        Assert.Equal(Utc("2026-01-02T12:00:00Z"), await StepAsync(app, clock, id));

        await listener.WaitForRequestsAsync(1, Limit, "the next day's occurrence");
        Assert.Equal(Ids(id, Utc("2026-01-02T12:00:00Z")), ReceivedIds(listener));
        Assert.Equal(2, (await GetAsync(app, id)).GetProperty("execution_count").GetInt64());
    }

    [Fact]
    public async Task LateTick_EachDueOccurrenceRunsOnceAndTheScheduleFollowsThePreviousOccurrence()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:30Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("* * * * *"));

        // The tick comes 3 min 40 s late (within missed_after_seconds = 300): 00:01, 00:02, 00:03 and 00:04 all run.
        clock.SetUtcNow(Utc("2026-01-01T00:04:40Z"));
        await TickAsync(app, id);

        await listener.WaitForRequestsAsync(4, Limit, "four late occurrences");
        Assert.Equal(Ids(id, Utc("2026-01-01T00:01:00Z"), Utc("2026-01-01T00:02:00Z"), Utc("2026-01-01T00:03:00Z"), Utc("2026-01-01T00:04:00Z")),
            ReceivedIds(listener));
        Assert.Equal(Utc("2026-01-01T00:05:00Z"), await NextAsync(app, id));
    }

    [Fact]
    public async Task MissedWhileNoNodeRan_ByDefaultNoneIsReplayed()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 * * * *"));

        clock.SetUtcNow(Utc("2026-01-03T00:30:00Z"));
        await TickAsync(app, id);

        var detail = await GetAsync(app, id);
        Assert.Equal(Utc("2026-01-03T01:00:00Z"), Time(detail.GetProperty("next_execution")));
        Assert.Equal(48, detail.GetProperty("missed_count").GetInt64());
        Assert.Equal(0, detail.GetProperty("execution_count").GetInt64());
        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task MissedWhileNoNodeRan_CatchUpLast_TheLatestMissedRunsOnce()
    {
        var (clock, listener, app) = await StartAsync("2026-01-01T00:00:00Z");
        await using var _ = listener;
        await using var __ = app;
        var id = await CreateAsync(app, Body("0 * * * *", more: ("catch_up", "last")));

        clock.SetUtcNow(Utc("2026-01-03T00:30:00Z"));
        await TickAsync(app, id);
        await TickAsync(app, id);

        await listener.WaitForRequestsAsync(1, Limit, "the latest missed occurrence");
        Assert.Equal(Ids(id, Utc("2026-01-03T00:00:00Z")), ReceivedIds(listener));
        var detail = await GetAsync(app, id);
        Assert.Equal(1, detail.GetProperty("execution_count").GetInt64());
        Assert.Equal(47, detail.GetProperty("missed_count").GetInt64());
        Assert.Equal(Utc("2026-01-03T01:00:00Z"), Time(detail.GetProperty("next_execution")));
    }

    private static async Task<(FakeTimeProvider Clock, WebhookListener Listener, GatewayApp App)> StartAsync(string now)
    {
        var clock = new FakeTimeProvider(Utc(now));
        var listener = await WebhookListener.StartAsync();
        return (clock, listener, new GatewayApp(Hook(listener.Url), time: clock));
    }

    private static async Task<List<DateTimeOffset>> StepsAsync(GatewayApp app, FakeTimeProvider clock, string id, int max)
    {
        var ran = new List<DateTimeOffset>();
        for (var i = 0; i < max && await StepAsync(app, clock, id) is { } occurrence; i++)
        {
            ran.Add(occurrence);
        }

        return ran;
    }
}
