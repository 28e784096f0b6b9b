namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>A grain type an assembly hosts, registered in DI; the silo builds its type registry from all of them.</summary>
public sealed record GrainTypeDescriptor(string TypeName, Type InterfaceType, Type ImplementationType);
