namespace Acteon.Silo.Storage;

/// <summary>One node's row in the membership table.</summary>
public sealed record MembershipEntry(string NodeId, string Address, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, string Status);
