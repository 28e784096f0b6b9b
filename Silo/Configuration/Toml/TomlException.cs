namespace Acteon.Silo.Configuration.Toml;

/// <summary>Raised when a TOML document is not valid TOML 1.1 (or not UTF-8); carries the 1-based position of the problem.</summary>
public sealed class TomlException : Exception
{
    public TomlException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The description of what is wrong, without the position prefix.</summary>
    public string Problem { get; }
}
