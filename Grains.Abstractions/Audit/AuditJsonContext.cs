using System.Text.Json.Serialization;

namespace Acteon.Grains.Abstractions.Audit;

/// <summary>The wire and storage shape of audit records: snake_case, nulls kept, RFC 3339 UTC times.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never, Converters = [typeof(UtcTimeJsonConverter)])]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(AuditDeadLetter))]
public sealed partial class AuditJsonContext : JsonSerializerContext;
