namespace Acteon.Grains.Rules.Conditions;

/// <summary>A compiled rule condition. Synchronous unless it (or a child) needs embeddings.</summary>
public abstract class Condition
{
    /// <summary>True when <see cref="EvaluateAsync"/> must be used (semantic matching).</summary>
    public virtual bool IsAsync => false;

    public abstract bool Evaluate(EvaluationContext context);

    public virtual ValueTask<bool> EvaluateAsync(EvaluationContext context) => new(Evaluate(context));

    /// <summary>A short readable form for the playground trace.</summary>
    public abstract string Display { get; }
}
