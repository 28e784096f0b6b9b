namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>Identifies one grain: its registered type name and its key (keys carry namespace and tenant).</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
