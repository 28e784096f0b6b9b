namespace Acteon.Grains.Rules.Conditions;

internal sealed class NotCondition(Condition child) : Condition
{
    public override bool IsAsync => child.IsAsync;

    public override string Display => $"not({child.Display})";

    public override bool Evaluate(EvaluationContext context) => !child.Evaluate(context);

    public override async ValueTask<bool> EvaluateAsync(EvaluationContext context) => !await child.EvaluateAsync(context);
}
