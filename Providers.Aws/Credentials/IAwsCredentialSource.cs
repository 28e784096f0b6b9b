using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>Where a provider's signing credentials come from; implementations cache and refresh them.</summary>
public interface IAwsCredentialSource
{
    ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken);
}
