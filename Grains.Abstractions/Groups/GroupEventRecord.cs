namespace Acteon.Grains.Abstractions.Groups;

/// <summary>One stored event of a group's log: its id, its place in the log, and the event as the group grain wrote it.</summary>
public sealed record GroupEventRecord(string EventId, long Seq, byte[] Data);
