namespace Acteon.Silo.Storage;

public interface IMembershipStore
{
    Task UpsertAsync(MembershipEntry entry, CancellationToken cancellationToken);

    Task HeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken);

    Task SetStatusAsync(string nodeId, string status, CancellationToken cancellationToken);

    Task<IReadOnlyList<MembershipEntry>> ListAsync(CancellationToken cancellationToken);
}
