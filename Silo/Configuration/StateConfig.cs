namespace Acteon.Silo.Configuration;

/// <summary><c>[state]</c>: where grain state, reminders, audit and (with PostgreSQL) membership live.</summary>
public sealed record StateConfig
{
    public const string Memory = "memory";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public string Backend { get; init; } = Sqlite;

    /// <summary>The SQLite file (relative paths are relative to the working directory).</summary>
    public string Path { get; init; } = "data/acteon.db";

    public string? Url { get; init; }

    /// <summary>How often expired grain state (dedup keys, throttle windows) and audit records are deleted.</summary>
    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(1);
}
