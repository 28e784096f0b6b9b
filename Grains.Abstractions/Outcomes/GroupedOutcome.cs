namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>The action joined a group; the group's notification is sent at <see cref="NotifyAt"/>.</summary>
public sealed record GroupedOutcome(string GroupId, string GroupKey, int GroupSize, DateTimeOffset NotifyAt) : DispatchOutcome
{
    public override string Name => "grouped";
}
