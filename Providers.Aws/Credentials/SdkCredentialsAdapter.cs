using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>
/// Lets AWSSDK clients sign with an <see cref="IAwsCredentialSource"/> (so they also honour role assumption and refresh);
/// its failures reach the provider as they do from the hand-written clients.
/// </summary>
internal sealed class SdkCredentialsAdapter(IAwsCredentialSource source, string service) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => source.GetForAsync(service, CancellationToken.None).AsTask();
}
