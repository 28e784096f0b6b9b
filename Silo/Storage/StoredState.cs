namespace Acteon.Silo.Storage;

/// <summary>A grain state as stored: serialized bytes and the ETag of that version.</summary>
public sealed record StoredState(byte[] Data, string ETag);
