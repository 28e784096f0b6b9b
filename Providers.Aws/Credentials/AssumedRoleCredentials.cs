using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>Temporary credentials from STS AssumeRole and when they stop working.</summary>
internal sealed record AssumedRoleCredentials(ImmutableCredentials Credentials, DateTimeOffset Expiration);
