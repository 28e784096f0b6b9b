namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>
/// One per recurring action (key <see cref="RecurringKey.Of"/>): its definition and schedule in durable state, and one
/// reminder that fires at its next occurrence. Each occurrence is dispatched through the pipeline exactly once.
/// </summary>
[Alias("acteon.recurring-action")]
public interface IRecurringActionGrain : IGrainWithStringKey
{
    /// <summary>Stores a new recurring action and arms its reminder; <see cref="RecurringReplyStatus.Conflict"/> if the id is taken.</summary>
    [Alias("CreateAsync")]
    Task<RecurringReply> CreateAsync(RecurringDefinition definition);

    [Alias("GetAsync")]
    Task<RecurringDetail?> GetAsync();

    /// <summary>Applies a partial update (validated by the caller) and recomputes the next occurrence from now.</summary>
    [Alias("UpdateAsync")]
    Task<RecurringReply> UpdateAsync(RecurringPatch patch);

    /// <summary>Removes the state, the reminder and the index entry; false when there was nothing to delete.</summary>
    [Alias("DeleteAsync")]
    Task<bool> DeleteAsync();

    /// <summary>Stops future occurrences (no tick fires while paused); <see cref="RecurringReplyStatus.Conflict"/> when already paused.</summary>
    [Alias("PauseAsync")]
    Task<RecurringReply> PauseAsync();

    /// <summary>Recomputes the next occurrence from now and re-arms; <see cref="RecurringReplyStatus.Conflict"/> when already active.</summary>
    [Alias("ResumeAsync")]
    Task<RecurringReply> ResumeAsync();
}
