namespace Acteon.Silo.Runtime;

/// <summary>What <c>AddGrain</c> registers in DI; the registry is built from all of them.</summary>
public sealed record GrainTypeDescriptor(string TypeName, Type InterfaceType, Type ImplementationType);
