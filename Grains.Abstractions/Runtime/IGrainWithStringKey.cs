namespace Acteon.Grains.Abstractions.Runtime;

public interface IGrainWithStringKey : IGrain;
