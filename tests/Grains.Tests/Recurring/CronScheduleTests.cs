using Acteon.Grains.Recurring;
using Xunit;

namespace Acteon.Grains.Tests.Recurring;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 9 * * MON-FRI", true)]
    [InlineData("*/15 * * * * *", true)]
    [InlineData("@daily", true)]
    [InlineData("0 9 * *", false)]
    [InlineData("0 0 9 * * * *", false)]
    [InlineData("60 * * * *", false)]
    [InlineData("0 9 * * FUNDAY", false)]
    public void TryParseCron_FiveOrSixFields(string cron, bool valid)
    {
        Assert.Equal(valid, CronSchedule.TryParseCron(cron, out _, out var error));
        Assert.Equal(valid, error is null);
    }

    [Theory]
    [InlineData("US/Eastern", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Eastern Standard Time", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    public void TryFindZone_IanaOnly(string zone, bool valid) => Assert.Equal(valid, CronSchedule.TryFindZone(zone, out _));

    [Theory]
    [InlineData("* * * * *", 60, true)]
    [InlineData("0,50 * * * * *", 60, false)]
    [InlineData("*/30 * * * * *", 60, false)]
    [InlineData("*/30 * * * * *", 30, true)]
    [InlineData("*/5 * * * *", 600, false)]
    public void CheckInterval_EveryGapCounts(string cron, int minimumSeconds, bool allowed) =>
        Assert.Equal(allowed, CronSchedule.Of(cron, "UTC").CheckInterval(From, TimeSpan.FromSeconds(minimumSeconds)) is null);

    [Fact]
    public void NextAfter_IsStrictlyAfterAndInTheZone()
    {
        var schedule = CronSchedule.Of("0 9 * * *", "Europe/Paris");

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero), schedule.NextAfter(From));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 6, 30, 7, 0, 0, TimeSpan.Zero)));
    }
}
