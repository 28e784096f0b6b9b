namespace Acteon.Grains.Abstractions.Runtime;

public interface IGrainFactory
{
    /// <summary>A reference to the grain; the first call activates it.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
