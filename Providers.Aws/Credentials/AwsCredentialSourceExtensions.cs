using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;
using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

internal static class AwsCredentialSourceExtensions
{
    /// <summary>
    /// The source's credentials for a call to <paramref name="service"/>. A chain that finds none fails the call as a
    /// credential error (configuration), however it failed, before anything is sent.
    /// </summary>
    public static async ValueTask<ImmutableCredentials> GetForAsync(this IAwsCredentialSource source, string service, CancellationToken cancellationToken)
    {
        try
        {
            return await source.GetAsync(cancellationToken);
        }
        catch (AmazonClientException error)
        {
            throw new AwsCallException(ProviderError.Configuration($"credential error: no AWS credentials for {service}: {error.Message}"));
        }
    }
}
