using System.Collections.Concurrent;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Storage;

namespace Acteon.Silo.Runtime;

internal sealed class PersistentStateFactory(IGrainStateStore store, GrainStateSerializer serializer)
{
    private static readonly ConcurrentDictionary<Type, Type> ClosedTypes = new();

    public IStateBinding Create(Type stateType, GrainId grainId, string stateName)
    {
        var type = ClosedTypes.GetOrAdd(stateType, static t => typeof(PersistentState<>).MakeGenericType(t));
        return (IStateBinding)Activator.CreateInstance(type, grainId, stateName, store, serializer)!;
    }
}
