using Acteon.Providers.Aws.Credentials;
using Acteon.Providers.Aws.Protocols;
using Acteon.Providers.Aws.Signing;
using Amazon;
using Amazon.Runtime;

namespace Acteon.Providers.Aws;

/// <summary>
/// Builds the service clients of provider entries: signed hand-written clients (one shared HTTP connection pool)
/// and the settings and credentials of AWSSDK clients.
/// </summary>
internal sealed class AwsClientFactory(IAwsCredentialSource baseCredentials, TimeProvider time) : IDisposable
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

    /// <summary>The same credentials as an SDK <see cref="AWSCredentials"/> (for the AWSSDK clients of <paramref name="service"/>).</summary>
    public AWSCredentials SdkCredentialsFor(AwsProviderOptions options, string service) => new SdkCredentialsAdapter(CredentialsFor(options), service);

    /// <summary>
    /// An AWSSDK client configuration for the entry: its time-out, no retries of the SDK's own (the executor retries),
    /// and the endpoint override (signed for the entry's region) or the region's endpoint. Endpoints configured for the
    /// SDK in the environment or the profile file are ignored, as the hand-written clients ignore them.
    /// </summary>
    public static TConfig SdkConfig<TConfig>(AwsProviderOptions options)
        where TConfig : ClientConfig, new()
    {
        var config = new TConfig { Timeout = options.Timeout, MaxErrorRetry = 0, IgnoreConfiguredEndpointUrls = true };
        if (options.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }

    public void Dispose() => _http.Dispose();
}
