using Acteon.Providers.Aws.Credentials;
using Amazon.Runtime;

namespace Acteon.Providers.Aws.Tests.Support;

/// <summary>A credential chain that finds nothing, the way the SDK's does when its last source (a container endpoint) is unreachable.</summary>
internal sealed class NoCredentials : IAwsCredentialSource
{
    public ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken) =>
        throw new AmazonClientException("Failed to resolve AWS credentials.", new HttpRequestException("Connection refused"));
}
