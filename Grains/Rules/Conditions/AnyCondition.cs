namespace Acteon.Grains.Rules.Conditions;

internal sealed class AnyCondition(Condition[] children) : Condition
{
    private readonly bool _isAsync = children.Any(c => c.IsAsync);

    public override bool IsAsync => _isAsync;

    public override string Display => $"any({string.Join(", ", children.Select(c => c.Display))})";

    public override bool Evaluate(EvaluationContext context)
    {
        foreach (var child in children)
        {
            if (child.Evaluate(context))
            {
                return true;
            }
        }

        return false;
    }

    public override async ValueTask<bool> EvaluateAsync(EvaluationContext context)
    {
        foreach (var child in children)
        {
            if (await child.EvaluateAsync(context))
            {
                return true;
            }
        }

        return false;
    }
}
