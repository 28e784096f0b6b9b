using System.Globalization;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>Reads RFC 3339 offset date-times and TOML local date-times, dates and times.</summary>
internal static class TomlDateTimeReader
{
    /// <summary>True when the cursor sits on something shaped like a date (YYYY-) or a time (HH:).</summary>
    public static bool IsAhead(TomlCursor cursor)
    {
        if (TomlCursor.IsDigit(cursor.Peek()) && TomlCursor.IsDigit(cursor.Peek(1)) && cursor.Peek(2) == ':')
        {
            return true;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!TomlCursor.IsDigit(cursor.Peek(i)))
            {
                return false;
            }
        }

        return cursor.Peek(4) == '-';
    }

    public static object Read(TomlCursor cursor)
    {
        var start = cursor.Position;
        if (cursor.Peek(2) == ':')
        {
            return ReadTime(cursor);
        }

        var date = ReadDate(cursor);
        if (cursor.Peek() is 'T' or 't' || (cursor.Peek() == ' ' && TomlCursor.IsDigit(cursor.Peek(1))))
        {
            cursor.Next();
        }
        else
        {
            return date;
        }

        var time = ReadTime(cursor);
        TimeSpan offset;
        if (cursor.Peek() is 'Z' or 'z')
        {
            cursor.Next();
            offset = TimeSpan.Zero;
        }
        else if (cursor.Peek() is '+' or '-')
        {
            var negative = cursor.Next() == '-';
            var hours = ReadNumber(cursor, 2, 23, "offset hour");
            cursor.Expect(':', "':' in the offset");
            var minutes = ReadNumber(cursor, 2, 59, "offset minute");
            offset = new TimeSpan(hours, minutes, 0);
            offset = negative ? -offset : offset;
        }
        else
        {
            return new TomlLocalDateTime(date, time);
        }

        return ToOffsetDateTime(cursor, start, date, time, offset);
    }

    private static DateTimeOffset ToOffsetDateTime(TomlCursor cursor, int start, TomlLocalDate date, TomlLocalTime time, TimeSpan offset)
    {
        try
        {
            // DateTime has no leap second: 23:59:60 becomes the first instant of the next minute.
            var local = new DateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute, Math.Min(time.Second, 59), DateTimeKind.Unspecified)
                .AddTicks(time.FractionTicks)
                .AddSeconds(time.Second == 60 ? 1 : 0);

            // DateTimeOffset only allows offsets up to 14 hours; keep the instant by converting to UTC.
            return Math.Abs(offset.TotalHours) <= 14
                ? new DateTimeOffset(local, offset)
                : new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw cursor.Error(start, "date-time is out of the supported range");
        }
    }

    private static TomlLocalDate ReadDate(TomlCursor cursor)
    {
        var start = cursor.Position;
        var year = ReadNumber(cursor, 4, 9999, "year");
        cursor.Expect('-', "'-' in the date");
        var month = ReadNumber(cursor, 2, 12, "month");
        cursor.Expect('-', "'-' in the date");
        var day = ReadNumber(cursor, 2, 31, "day");
        if (month == 0 || day == 0 || day > DaysInMonth(year, month))
        {
            throw cursor.Error(start, "invalid date");
        }

        return new TomlLocalDate(year, month, day);
    }

    private static TomlLocalTime ReadTime(TomlCursor cursor)
    {
        var hour = ReadNumber(cursor, 2, 23, "hour");
        cursor.Expect(':', "':' in the time");
        var minute = ReadNumber(cursor, 2, 59, "minute");
        cursor.Expect(':', "':' in the time (seconds are required)");
        var second = ReadNumber(cursor, 2, 60, "second");
        var fraction = string.Empty;
        if (cursor.TryConsume('.'))
        {
            var start = cursor.Position;
            while (TomlCursor.IsDigit(cursor.Peek()))
            {
                cursor.Next();
            }

            if (cursor.Position == start)
            {
                throw cursor.Error("expected fractional seconds after '.'");
            }

            fraction = cursor.Slice(start, cursor.Position);
        }

        return new TomlLocalTime(hour, minute, second, fraction);
    }

    private static int ReadNumber(TomlCursor cursor, int digits, int max, string what)
    {
        var start = cursor.Position;
        for (var i = 0; i < digits; i++)
        {
            if (!TomlCursor.IsDigit(cursor.Peek(i)))
            {
                throw cursor.Error(start, $"{what} must have exactly {digits} digits");
            }
        }

        var value = int.Parse(cursor.Slice(start, start + digits), NumberStyles.None, CultureInfo.InvariantCulture);
        cursor.Advance(digits);
        if (value > max || TomlCursor.IsDigit(cursor.Peek()))
        {
            throw cursor.Error(start, $"invalid {what}");
        }

        return value;
    }

    private static int DaysInMonth(int year, int month)
    {
        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month switch
        {
            2 => leap ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
    }
}
