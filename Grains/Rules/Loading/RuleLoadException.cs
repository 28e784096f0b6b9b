namespace Acteon.Grains.Rules.Loading;

/// <summary>A rule file that cannot be loaded; <see cref="Exception.Message"/> starts with "file:line:".</summary>
public sealed class RuleLoadException(string file, string message) : Exception(message)
{
    public string File { get; } = file;
}
