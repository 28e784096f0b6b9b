using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>
/// AWSSDK.Core's default chain: environment, profile file, web identity, container and instance roles.
/// Resolved on first use; the SDK's credentials refresh themselves.
/// </summary>
internal sealed class DefaultChainCredentialSource : IAwsCredentialSource
{
    private readonly Lazy<Task<AWSCredentials>> _resolved = new(
        () => new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, CancellationToken.None));

    public async ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await _resolved.Value.WaitAsync(cancellationToken);
        return await credentials.GetCredentialsAsync();
    }
}
