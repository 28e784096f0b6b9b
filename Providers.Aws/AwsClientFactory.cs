using Acteon.Providers.Aws.Credentials;
using Acteon.Providers.Aws.Health;
using Acteon.Providers.Aws.Protocols;
using Acteon.Providers.Aws.Signing;
using Amazon.Runtime;

namespace Acteon.Providers.Aws;

/// <summary>Builds signed service clients for provider entries; shares one HTTP connection pool.</summary>
internal sealed class AwsClientFactory(IAwsCredentialSource baseCredentials, TimeProvider time, ProviderHealthMetrics metrics) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public TimeProvider Time => time;

    public ProviderHealthMetrics Metrics => metrics;

    public AwsServiceClient Create(AwsProviderOptions options, string signingName, string endpointPrefix) =>
        new(_http, new AwsRequestSigner(signingName, options.Region), options.EndpointFor(endpointPrefix), CredentialsFor(options), time, options.Timeout);

    /// <summary>The base chain, or an assumed role (STS at the same endpoint override) refreshed before expiry.</summary>
    public IAwsCredentialSource CredentialsFor(AwsProviderOptions options)
    {
        if (options.RoleArn is null)
        {
            return baseCredentials;
        }

        var sts = new AwsServiceClient(
            _http, new AwsRequestSigner("sts", options.Region), options.EndpointFor("sts"), baseCredentials, time, options.Timeout);
        return new AssumeRoleCredentialSource(
            new StsClient(sts), new AssumeRoleRequest(options.RoleArn, options.SessionName, options.ExternalId), time);
    }

    /// <summary>The same credentials as an SDK <see cref="AWSCredentials"/> (for AWSSDK.S3).</summary>
    public AWSCredentials SdkCredentialsFor(AwsProviderOptions options) => new SdkCredentialsAdapter(CredentialsFor(options));

    public void Dispose() => _http.Dispose();
}
