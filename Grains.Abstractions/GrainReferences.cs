namespace Acteon.Grains.Abstractions;

/// <summary>
/// String-keyed grain references without Orleans' per-call type resolution: <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string?)"/>
/// resolves the interface's <see cref="GrainInterfaceType"/> (attribute reflection and type-name formatting) and its
/// grain type on every call; measured on the JWT path, that was a quarter of the revocation check's CPU. Both are
/// fixed per interface, so they are resolved once here, through Orleans itself, and each reference is then made from
/// its <see cref="GrainId"/>.
/// </summary>
public static class GrainReferences
{
    /// <summary>The same reference as <c>grains.GetGrain&lt;T&gt;(key)</c>.</summary>
    public static T Reference<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var types = Volatile.Read(ref Resolved<T>.Types) ?? Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(types.Type, key), types.Interface);
    }

    private static ResolvedTypes Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>("-");
        var types = new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
        // One object, published by a reference write (atomic): a reader sees it whole or not at all. Every thread
        // resolves the same values, so which one wins does not matter.
        Volatile.Write(ref Resolved<T>.Types, types);
        return types;
    }

    private sealed record ResolvedTypes(GrainType Type, GrainInterfaceType Interface);

    private static class Resolved<T>
    {
        public static ResolvedTypes? Types;
    }
}
