namespace Acteon.Grains.Chains;

/// <summary>One <c>[[chains]]</c> entry, validated at start-up; a running chain keeps the definition it started with.</summary>
public sealed record ChainDefinition
{
    public required string Name { get; init; }

    /// <summary>Null: the chain has no time limit.</summary>
    public long? TimeoutSeconds { get; init; }

    public required IReadOnlyList<ChainStepDefinition> Steps { get; init; }

    public int IndexOf(string stepName)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Name == stepName)
            {
                return i;
            }
        }

        return -1;
    }
}
