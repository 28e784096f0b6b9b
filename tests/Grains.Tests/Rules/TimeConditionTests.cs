using Xunit;
using static Acteon.Grains.Tests.Rules.RuleTestKit;

namespace Acteon.Grains.Tests.Rules;

public sealed class TimeConditionTests
{
    private static Acteon.Grains.Rules.RuleSet Hour(string zone, string op, int hour) => Load($"""
        rules:
          - name: r
            timezone: {zone}
            condition:
              field: time.hour
              {op}: {hour}
            action:
              type: suppress
        """);

    [Theory]
    [InlineData("2026-03-08T06:59:00Z", 1)]
    [InlineData("2026-03-08T07:00:00Z", 3)]
    [InlineData("2026-11-01T05:30:00Z", 1)]
    [InlineData("2026-11-01T06:30:00Z", 1)]
    [InlineData("2026-11-01T07:30:00Z", 2)]
    [InlineData("2026-07-01T16:00:00Z", 12)]
    public void TimeHour_InRuleTimezone_FollowsDaylightSavingTime(string utc, int expectedLocalHour)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("r", Match(Hour("America/New_York", "eq", expectedLocalHour), Action(), at));
        Assert.Null(Match(Hour("America/New_York", "eq", (expectedLocalHour + 1) % 24), Action(), at));
    }

    [Fact]
    public void Weekday_AndWeekdayNum_InRuleTimezone()
    {
        // Sunday 2026-06-14 23:30 in UTC is already Monday in Tokyo.
        var at = new DateTimeOffset(2026, 6, 14, 23, 30, 0, TimeSpan.Zero);
        var tokyoMonday = Load("""
            rules:
              - name: r
                timezone: Asia/Tokyo
                condition:
                  all:
                    - {field: time.weekday, eq: Monday}
                    - {field: time.weekday_num, eq: 1}
                    - {field: time.day, eq: 15}
                action: {type: suppress}
            """);
        var utcSunday = Load("""
            rules:
              - name: r
                condition: {field: time.weekday_num, eq: 7}
                action: {type: suppress}
            """);

        Assert.Equal("r", Match(tokyoMonday, Action(), at));
        Assert.Equal("r", Match(utcSunday, Action(), at));
    }

    [Fact]
    public void AfterHoursExample_SchedulesOnlyOutsideOfficeHours()
    {
        var rules = Load("""
            rules:
              - name: schedule-after-hours
                priority: 10
                timezone: "US/Eastern"
                condition:
                  all:
                    - {field: action.action_type, eq: "place_order"}
                    - any: [{field: time.hour, lt: 9}, {field: time.hour, gte: 17}, {field: time.weekday_num, gte: 6}]
                action: {type: schedule, delay_seconds: 30}
            """);
        var order = Action(actionType: "place_order");

        Assert.Null(Match(rules, order, new DateTimeOffset(2026, 6, 17, 14, 0, 0, TimeSpan.Zero)));
        Assert.Equal("schedule-after-hours", Match(rules, order, new DateTimeOffset(2026, 6, 17, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal("schedule-after-hours", Match(rules, order, new DateTimeOffset(2026, 6, 20, 14, 0, 0, TimeSpan.Zero)));
    }
}
