using System.Globalization;

namespace Acteon.Grains.Abstractions;

/// <summary>Time stamps on the wire: RFC 3339, UTC, with <c>Z</c>.</summary>
public static class JsonTime
{
    /// <summary>The longest form: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public const int MaxLength = 28;

    /// <summary><c>yyyy-MM-ddTHH:mm:ss[.fraction]Z</c>, the fraction without trailing zeros (none when it is zero).</summary>
    public static string Format(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Write(value, buffer)]);
    }

    /// <summary>Writes <see cref="Format"/>'s text into <paramref name="destination"/> (at least <see cref="MaxLength"/> long); returns its length.</summary>
    public static int Write(DateTimeOffset value, Span<char> destination)
    {
        // The round-trip format of a UTC time is exactly MaxLength chars with a 7-digit fraction: drop its trailing zeros.
        value.UtcDateTime.TryFormat(destination, out var length, "O", CultureInfo.InvariantCulture);
        var last = length - 2;
        while (destination[last] == '0')
        {
            last--;
        }

        if (destination[last] == '.')
        {
            last--;
        }

        destination[last + 1] = 'Z';
        return last + 2;
    }

    /// <summary>Parses an RFC 3339 date-time (an offset or Z is required).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || text.Length < 20)
        {
            return false;
        }

        var last = text[^1];
        var hasOffset = last is 'Z' or 'z' || text.AsSpan(19).IndexOfAny('+', '-') >= 0;
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
