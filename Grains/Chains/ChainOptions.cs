namespace Acteon.Grains.Chains;

/// <summary>The <c>[[chains]]</c> of acteon.toml, by name.</summary>
public sealed class ChainOptions
{
    public IReadOnlyDictionary<string, ChainDefinition> Definitions { get; set; } = new Dictionary<string, ChainDefinition>();

    /// <summary>
    /// The longest a running chain's reminder sleeps before it looks at the time again (longer delays are slept in pieces); also
    /// the most a chain waits after its silo died, since Orleans keeps a moved reminder on its first-tick-plus-periods cadence.
    /// </summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a chain that ended (completed, failed, cancelled, timed out) is kept and listed.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest an ended chain's reminder sleeps before it checks its retention.</summary>
    public TimeSpan RetentionWakeInterval { get; set; } = TimeSpan.FromHours(1);
}
