namespace Acteon.Silo.Configuration;

/// <summary><c>[state]</c>: where grain state, reminders, membership and audit live.</summary>
public sealed record StateConfig
{
    public const string Memory = "memory";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public string Backend { get; init; } = Sqlite;

    /// <summary>The SQLite file (relative paths are relative to the working directory).</summary>
    public string Path { get; init; } = "data/acteon.db";

    public string? Url { get; init; }
}
