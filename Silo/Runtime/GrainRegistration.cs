using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Silo.Runtime;

/// <summary>One grain type: its interface, implementation, stored type name and how to build an instance.</summary>
internal sealed class GrainRegistration
{
    private readonly ObjectFactory _factory;
    private readonly (Type StateType, string Name, bool ReadOnActivation)[] _states;

    public GrainRegistration(string typeName, Type interfaceType, Type implementationType)
    {
        TypeName = typeName;
        InterfaceType = interfaceType;
        ImplementationType = implementationType;
        IsStatelessWorker = implementationType.GetCustomAttribute<StatelessWorkerAttribute>() is not null;
        var constructor = implementationType.GetConstructors().Single();
        _states = [.. constructor.GetParameters()
            .Where(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<PersistentStateAttribute>()))
            .Select(s => (s.Parameter.ParameterType.GetGenericArguments()[0],
                s.Attribute?.StateName ?? s.Parameter.Name!,
                s.Attribute?.ReadOnActivation ?? true))];
        _factory = ActivatorUtilities.CreateFactory(implementationType, [.. _states.Select(s => typeof(IPersistentState<>).MakeGenericType(s.StateType))]);
    }

    public string TypeName { get; }
    public Type InterfaceType { get; }
    public Type ImplementationType { get; }

    public bool IsStatelessWorker { get; }

    public (object Grain, IStateBinding[] States) Create(IServiceProvider services, GrainId grainId, PersistentStateFactory stateFactory)
    {
        var states = new IStateBinding[_states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = stateFactory.Create(_states[i].StateType, grainId, _states[i].Name, _states[i].ReadOnActivation);
        }

        return (_factory(services, states), states);
    }
}
