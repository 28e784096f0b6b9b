using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Acteon.Grains.Chains;

/// <summary>Source-generated serialization of the chain grains' durable state and of template values.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ChainState))]
[JsonSerializable(typeof(ChainIndexState))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class ChainsJsonContext : JsonSerializerContext;
