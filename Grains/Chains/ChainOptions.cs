namespace Acteon.Grains.Chains;

/// <summary>The <c>[[chains]]</c> of acteon.toml, by name.</summary>
public sealed class ChainOptions
{
    public IReadOnlyDictionary<string, ChainDefinition> Definitions { get; set; } = new Dictionary<string, ChainDefinition>();

    /// <summary>The longest a running chain's reminder sleeps before it looks at the time again (delays longer than this are slept in pieces).</summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromMinutes(1);
}
