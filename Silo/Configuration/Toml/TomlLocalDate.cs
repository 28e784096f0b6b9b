using System.Globalization;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>A TOML local date (no time, no offset).</summary>
public readonly record struct TomlLocalDate(int Year, int Month, int Day)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");
}
