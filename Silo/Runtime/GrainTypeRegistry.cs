using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>The grain types this silo hosts, by interface and by stored type name.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface = [];
    private readonly Dictionary<string, GrainRegistration> _byName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<GrainTypeDescriptor> descriptors)
    {
        foreach (var d in descriptors)
        {
            if (_byInterface.ContainsKey(d.InterfaceType))
            {
                continue;
            }

            var registration = new GrainRegistration(d.TypeName, d.InterfaceType, d.ImplementationType);
            _byInterface.Add(d.InterfaceType, registration);
            _byName.Add(d.TypeName, registration);
        }
    }

    public GrainRegistration ForInterface(Type interfaceType) =>
        _byInterface.TryGetValue(interfaceType, out var r) ? r
            : throw new InvalidOperationException($"No grain implementation is registered for {interfaceType.Name}; call AddGrain<{interfaceType.Name}, ...>().");

    public GrainRegistration ForName(string typeName) =>
        _byName.TryGetValue(typeName, out var r) ? r
            : throw new InvalidOperationException($"No grain type named '{typeName}' is registered on this node.");
}
