namespace Acteon.Silo.Configuration;

/// <summary><c>[ui]</c>: the operations dashboard at <c>/ui/</c>.</summary>
public sealed record UiConfig
{
    /// <summary>false: <c>/ui/</c> is not served (404).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A folder of dashboard files served instead of the built-in ones (absolute); null: the built-in ones.</summary>
    public string? DistPath { get; init; }
}
