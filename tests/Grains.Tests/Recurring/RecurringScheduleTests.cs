using System.Text.Json;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.Recurring;
using Xunit;

namespace Acteon.Grains.Tests.Recurring;

public sealed class RecurringScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NextAfter_EndDateAndMaxExecutionsEndIt()
    {
        var ending = Hourly() with { EndDate = T0.AddHours(2), MaxExecutions = 5 };

        Assert.Equal(T0.AddHours(2), RecurringSchedule.NextAfter(ending, T0.AddHours(1), 1));
        Assert.Null(RecurringSchedule.NextAfter(ending, T0.AddHours(2), 2));
        Assert.Null(RecurringSchedule.NextAfter(ending, T0, 5));
    }

    [Fact]
    public void Missed_CountsTheOccurrencesBeforeTheCutOffAndGivesTheFirstAfter()
    {
        var (latest, count, following) = RecurringSchedule.Missed(Hourly(), T0.AddHours(1), T0.AddHours(10).AddMinutes(30), 0);

        Assert.Equal((T0.AddHours(10), 10L, T0.AddHours(11)), (latest, count, following));
    }

    [Fact]
    public void Missed_PastTheEndDate_NothingFollows()
    {
        var (latest, count, following) = RecurringSchedule.Missed(Hourly() with { EndDate = T0.AddHours(3) }, T0.AddHours(1), T0.AddHours(10), 0);

        Assert.Equal((T0.AddHours(3), 3L, (DateTimeOffset?)null), (latest, count, following));
    }

    [Fact]
    public void OccurrenceId_SameInputsSameIdAndAnyChangeAnother()
    {
        var id = RecurringKey.OccurrenceId("r1", T0);

        Assert.Equal(id, RecurringKey.OccurrenceId("r1", T0.ToOffset(TimeSpan.FromHours(2))));
        Assert.NotEqual(id, RecurringKey.OccurrenceId("r1", T0.AddSeconds(1)));
        Assert.NotEqual(id, RecurringKey.OccurrenceId("r2", T0));
        Assert.Equal(8, Guid.Parse(id).Version);
    }

    private static RecurringDefinition Hourly() => new()
    {
        Id = "r1", Namespace = "ns", Tenant = "t", CronExpr = "0 * * * *", TimeZone = "UTC", Provider = "p", ActionType = "a",
        Payload = JsonDocument.Parse("{}").RootElement,
    };
}
