using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Gateway.Api.OpenApi;

public sealed record AuditPageSchema(IReadOnlyList<AuditRecord> Records, long Total, int Limit, int Offset);
