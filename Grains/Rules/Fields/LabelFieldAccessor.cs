namespace Acteon.Grains.Rules.Fields;

/// <summary><c>action.metadata.labels.k</c> (or the short <c>action.metadata.k</c>).</summary>
internal sealed class LabelFieldAccessor(string path, string label) : FieldAccessor(path, FieldType.String)
{
    public override RuleValue Get(EvaluationContext context) =>
        context.Action.Labels.TryGetValue(label, out var value) ? RuleValue.Of(value) : RuleValue.Missing;
}
