namespace Acteon.Grains.State;

/// <summary>The grain storage every stateful grain of the gateway writes to; the silo registers it under this name.</summary>
public static class GrainStorage
{
    public const string Name = "acteon";
}
