using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;

namespace Acteon.Providers.Aws.Signing;

/// <summary>
/// Signs hand-built requests with AWSSDK.Core's <see cref="AWS4Signer"/> (SigV4, payload hash signed) and
/// turns them into <see cref="HttpRequestMessage"/>s. One instance per service and region.
/// </summary>
internal sealed class AwsRequestSigner
{
    private readonly AWS4Signer _signer = new(signPayload: true);
    private readonly AmazonSecurityTokenServiceConfig _config;

    public AwsRequestSigner(string signingName, string region)
    {
        SigningName = signingName;
        Region = region;
        _config = new AmazonSecurityTokenServiceConfig { AuthenticationRegion = region, AuthenticationServiceName = signingName };
    }

    public string SigningName { get; }

    public string Region { get; }

    /// <summary>Signs and builds the HTTP request. Query values and header names are passed as they go on the wire.</summary>
    public HttpRequestMessage Sign(
        HttpMethod method,
        Uri endpoint,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        string? contentType,
        ImmutableCredentials credentials,
        DateTime signedAt)
    {
        var request = new DefaultRequest(new SigningOnlyRequest(), SigningName)
        {
            HttpMethod = method.Method,
            Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Authority)),
            ResourcePath = path,
            AuthenticationRegion = Region,
            OverrideSigningServiceName = SigningName,
            Content = body,
            UseQueryString = query.Count > 0,
        };
        foreach (var (key, value) in query)
        {
            request.Parameters[key] = value;
        }

        foreach (var (key, value) in headers)
        {
            request.Headers[key] = value;
        }

        if (contentType is not null)
        {
            request.Headers["Content-Type"] = contentType;
        }

        if (credentials.UseToken)
        {
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var result = _signer.SignRequest(request, _config, null, credentials.AccessKey, credentials.SecretKey, signedAt);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;

        var message = new HttpRequestMessage(method, BuildUri(endpoint, path, query));
        if (body.Length > 0 || method != HttpMethod.Get)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (key, value) in request.Headers)
        {
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent(body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (!message.Headers.TryAddWithoutValidation(key, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(key, value);
            }
        }

        return message;
    }

    private static Uri BuildUri(Uri endpoint, string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var builder = new UriBuilder(endpoint) { Path = path };
        if (query.Count > 0)
        {
            builder.Query = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        }

        return builder.Uri;
    }
}
