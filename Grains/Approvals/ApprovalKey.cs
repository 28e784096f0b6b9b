namespace Acteon.Grains.Approvals;

/// <summary>One entry of <c>[server] approval_keys</c>: <see cref="Id"/> is the <c>kid</c> of the links it signs.</summary>
public sealed record ApprovalKey(string Id, byte[] Secret);
