namespace Acteon.Grains.Rules.Fields;

/// <summary>A compiled field path: reads one value from the evaluation context.</summary>
public abstract class FieldAccessor(string path, FieldType type)
{
    public string Path { get; } = path;

    public FieldType Type { get; } = type;

    public abstract RuleValue Get(EvaluationContext context);
}
