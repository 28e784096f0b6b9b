using System.Text.Json;

namespace Acteon.Grains.Abstractions.Chains;

[GenerateSerializer, Immutable, Alias("acteon.chain-step-view")]
public sealed record ChainStepView
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Provider { get; init; }
    [Id(2)] public required string Status { get; init; }
    [Id(3)] public JsonElement? ResponseBody { get; init; }
    [Id(4)] public string? Error { get; init; }
    [Id(5)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(6)] public int Attempt { get; init; }
}
