namespace Acteon.Grains.Rules;

/// <summary><c>[rules]</c>.</summary>
public sealed class RuleOptions
{
    /// <summary>The folder of <c>*.yaml</c> rule files; null: no rules (everything is allowed).</summary>
    public string? Directory { get; set; }

    public TimeZoneInfo DefaultTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Reload when a file in the folder changes (debounced).</summary>
    public bool Watch { get; set; } = true;

    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often rule toggles written by other nodes are picked up.</summary>
    public TimeSpan ToggleRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
