using System.Globalization;
using System.Text.Json;
using Acteon.Grains.Abstractions;
using Xunit;

namespace Acteon.Grains.Tests;

public sealed class JsonTimeTests
{
    /// <summary>The contract's format as a custom format string: the reference the fast writer must match.</summary>
    private static string Reference(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static TheoryData<string, string> Examples => new()
    {
        { "2026-03-01T12:00:00+00:00", "2026-03-01T12:00:00Z" },
        { "2026-03-01T12:00:00.5+00:00", "2026-03-01T12:00:00.5Z" },
        { "2026-03-01T12:00:00.1234567+00:00", "2026-03-01T12:00:00.1234567Z" },
        { "2026-03-01T12:00:00.1200000+00:00", "2026-03-01T12:00:00.12Z" },
        { "2026-03-01T14:30:00.0000001+02:00", "2026-03-01T12:30:00.0000001Z" },
        { "0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00Z" },
        { "9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59.9999999Z" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Format_Examples_UtcWithoutTrailingZeros(string input, string expected)
    {
        var value = DateTimeOffset.Parse(input, CultureInfo.InvariantCulture);

        Assert.Equal(expected, JsonTime.Format(value));
        Assert.Equal(Reference(value), JsonTime.Format(value));
    }

    [Fact]
    public void Format_AnyInstant_MatchesTheCustomFormatStringAndTheConverterWritesTheSame()
    {
        var random = new Random(20261201);
        var options = new JsonSerializerOptions { Converters = { new UtcTimeJsonConverter() } };
        for (var i = 0; i < 10_000; i++)
        {
            // Every fourth value is rounded to a whole second, millisecond or microsecond, so that zeros get trimmed.
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            ticks -= (i % 4) switch { 1 => ticks % TimeSpan.TicksPerSecond, 2 => ticks % TimeSpan.TicksPerMillisecond, 3 => ticks % 10, _ => 0 };
            var value = new DateTimeOffset(ticks, TimeSpan.Zero);

            Assert.Equal(Reference(value), JsonTime.Format(value));
            Assert.Equal($"\"{Reference(value)}\"", JsonSerializer.Serialize(value, options));
        }
    }
}
