using System.Text.Json.Serialization;
using Acteon.Grains.Deduplication;

namespace Acteon.Grains;

/// <summary>Source-generated serialization of every durable grain state in this assembly.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DeduplicationState))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;
