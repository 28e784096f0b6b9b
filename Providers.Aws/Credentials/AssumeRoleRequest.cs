namespace Acteon.Providers.Aws.Credentials;

/// <summary>The AssumeRole parameters of a provider entry.</summary>
internal sealed record AssumeRoleRequest(string RoleArn, string SessionName, string? ExternalId, int DurationSeconds = 3600);
