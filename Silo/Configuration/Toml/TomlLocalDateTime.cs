namespace Acteon.Silo.Configuration.Toml;

/// <summary>A TOML local date-time (no offset).</summary>
public readonly record struct TomlLocalDateTime(TomlLocalDate Date, TomlLocalTime Time)
{
    public override string ToString() => Date + "T" + Time;
}
