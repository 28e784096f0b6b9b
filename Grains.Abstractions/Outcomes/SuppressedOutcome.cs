namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>A <c>suppress</c> or <c>deny</c> rule blocked the action; no provider was called.</summary>
public sealed record SuppressedOutcome(string Rule) : DispatchOutcome
{
    public override string Name => "suppressed";
}
