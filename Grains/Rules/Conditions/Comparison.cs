namespace Acteon.Grains.Rules.Conditions;

/// <summary>One operator with its literal, compiled at load time. Values of the wrong kind never match.</summary>
public abstract class Comparison(string display)
{
    public string Display { get; } = display;

    public abstract bool Test(in RuleValue value);
}
