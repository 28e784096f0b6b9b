using System.Globalization;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>A TOML local time; <paramref name="Fraction"/> holds the fractional-second digits exactly as written (may be empty).</summary>
public readonly record struct TomlLocalTime(int Hour, int Minute, int Second, string Fraction)
{
    /// <summary>The fractional seconds truncated to 100 ns ticks.</summary>
    public long FractionTicks
    {
        get
        {
            var digits = (Fraction ?? string.Empty).PadRight(7, '0')[..7];
            return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Hour:D2}:{Minute:D2}:{Second:D2}");
        return string.IsNullOrEmpty(Fraction) ? text : text + "." + Fraction;
    }
}
