using System.Text.Json;

namespace Acteon.Grains.Chains;

/// <summary>
/// Goes to <see cref="Target"/> when the step's result holds: <see cref="Field"/> is <c>success</c>, <c>body</c> or
/// <c>body.a.b</c>; operators <see cref="Operators"/>.
/// </summary>
public sealed record ChainBranch
{
    public static readonly string[] Operators = ["eq", "neq", "contains", "exists", "gt", "lt", "gte", "lte"];

    public required string Field { get; init; }
    public required string Operator { get; init; }
    public JsonElement? Value { get; init; }
    public required string Target { get; init; }
}
