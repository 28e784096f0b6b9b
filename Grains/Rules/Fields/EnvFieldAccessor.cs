namespace Acteon.Grains.Rules.Fields;

/// <summary><c>env.NAME</c>: an environment variable of the gateway process, read when the rules were loaded.</summary>
internal sealed class EnvFieldAccessor(string path, string name) : FieldAccessor(path, FieldType.String)
{
    public override RuleValue Get(EvaluationContext context) =>
        context.Environment.TryGetValue(name, out var value) ? RuleValue.Of(value) : RuleValue.Missing;
}
