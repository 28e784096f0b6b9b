namespace Acteon.Silo.Storage;

/// <summary>Where a grain's state is stored: its Orleans grain type and key (keys carry namespace and tenant).</summary>
public readonly record struct StateKey(string Type, string Key)
{
    public static StateKey Of(GrainId grainId) => new(grainId.Type.ToString()!, grainId.Key.ToString()!);

    public override string ToString() => $"{Type}/{Key}";
}
