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
}
