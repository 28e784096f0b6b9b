using Microsoft.Data.Sqlite;

namespace Acteon.Silo.Storage.Sqlite;

/// <summary>One queued write: runs inside the writer's batch, answers after the batch commits.</summary>
internal abstract class WriteOperation
{
    /// <summary>Nobody waits on it: committed in a transaction of its own, after the urgent writes queued with it.</summary>
    public bool Background { get; init; }

    public abstract void Run(SqliteConnection connection);

    /// <summary>The batch committed: hand out the result (or this operation's own failure).</summary>
    public abstract void Complete();

    /// <summary>The batch was rolled back: nothing this operation did is stored.</summary>
    public abstract void Abandon(Exception error);
}
