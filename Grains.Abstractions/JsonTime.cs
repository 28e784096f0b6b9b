using System.Globalization;

namespace Acteon.Grains.Abstractions;

/// <summary>Time stamps on the wire: RFC 3339, UTC, with <c>Z</c>.</summary>
public static class JsonTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

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
