using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Rules.Fields;

/// <summary>A top-level string member of the action (<c>action.namespace</c>, <c>action.created_at</c>, ...).</summary>
internal sealed class ActionFieldAccessor(string path, Func<GatewayAction, string?> read) : FieldAccessor(path, FieldType.String)
{
    public override RuleValue Get(EvaluationContext context) => RuleValue.Of(read(context.Action));
}
