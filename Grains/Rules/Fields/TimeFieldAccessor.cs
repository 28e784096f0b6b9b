namespace Acteon.Grains.Rules.Fields;

/// <summary><c>time.hour</c> etc., in the rule's time zone, and <c>now</c> (unix seconds).</summary>
internal sealed class TimeFieldAccessor(string path, string part, TimeZoneInfo zone) : FieldAccessor(path, part == "weekday" ? FieldType.String : FieldType.Number)
{
    public static readonly string[] Parts = ["hour", "minute", "second", "day", "month", "year", "weekday", "weekday_num", "timestamp"];

    public override RuleValue Get(EvaluationContext context)
    {
        if (part == "timestamp")
        {
            return RuleValue.Of(context.Now.ToUnixTimeSeconds());
        }

        var local = context.LocalTime(zone);
        return part switch
        {
            "hour" => RuleValue.Of(local.Hour),
            "minute" => RuleValue.Of(local.Minute),
            "second" => RuleValue.Of(local.Second),
            "day" => RuleValue.Of(local.Day),
            "month" => RuleValue.Of(local.Month),
            "year" => RuleValue.Of(local.Year),
            "weekday" => RuleValue.Of(local.DayOfWeek.ToString()),
            _ => RuleValue.Of(local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek),
        };
    }
}
