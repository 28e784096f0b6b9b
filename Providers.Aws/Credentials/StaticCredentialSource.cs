using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>Fixed credentials (tests, benchmarks, or a host that supplies its own).</summary>
public sealed class StaticCredentialSource(string accessKey, string secretKey, string? sessionToken = null) : IAwsCredentialSource
{
    private readonly ImmutableCredentials _credentials = new(accessKey, secretKey, sessionToken);

    public ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_credentials);
}
