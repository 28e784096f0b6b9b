using System.Text.Json;

namespace Acteon.Grains.Rules.Actions;

/// <summary>Applies <see cref="Changes"/> to the payload as an RFC 7396 merge patch before execution.</summary>
public sealed record ModifyAction(JsonElement Changes) : RuleAction
{
    public override string Verdict => "modify";
}
