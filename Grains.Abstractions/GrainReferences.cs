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
        var (type, interfaceType) = Resolved<T>.Types ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(type, key), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>("-");
        return (reference.GrainId.Type, reference.InterfaceType);
    }

    private static class Resolved<T>
    {
        // A pair written whole by whichever thread resolves first; every thread would resolve the same values.
        public static (GrainType, GrainInterfaceType)? Types;
    }
}
