using System.Text.Json.Serialization;

namespace Acteon.Grains.Approvals;

/// <summary>Source-generated serialization of the approval grains' durable state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApprovalState))]
[JsonSerializable(typeof(ApprovalIndexState))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class ApprovalsJsonContext : JsonSerializerContext;
