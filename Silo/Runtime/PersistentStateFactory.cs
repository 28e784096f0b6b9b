using System.Collections.Concurrent;
using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Storage;

namespace Acteon.Silo.Runtime;

internal sealed class PersistentStateFactory(IGrainStateStore store, GrainStateSerializer serializer)
{
    private static readonly ConcurrentDictionary<Type, Func<GrainId, string, bool, IGrainStateStore, GrainStateSerializer, IStateBinding>> Constructors = new();

    public IStateBinding Create(Type stateType, GrainId grainId, string stateName, bool readOnActivation) =>
        Constructors.GetOrAdd(stateType, static t => typeof(PersistentStateFactory)
                .GetMethod(nameof(Construct), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t)
                .CreateDelegate<Func<GrainId, string, bool, IGrainStateStore, GrainStateSerializer, IStateBinding>>())
            (grainId, stateName, readOnActivation, store, serializer);

    private static PersistentState<TState> Construct<TState>(GrainId grainId, string stateName, bool readOnActivation, IGrainStateStore store, GrainStateSerializer serializer)
        where TState : class, new() => new(grainId, stateName, store, serializer) { ReadOnActivation = readOnActivation };
}
