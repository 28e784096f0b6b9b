using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>Lets AWSSDK clients sign with an <see cref="IAwsCredentialSource"/> (so S3 also honours role assumption and refresh).</summary>
internal sealed class SdkCredentialsAdapter(IAwsCredentialSource source) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => source.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => source.GetAsync(CancellationToken.None).AsTask();
}
