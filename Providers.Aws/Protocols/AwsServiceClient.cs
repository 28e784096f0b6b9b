using System.Globalization;
using System.Text.Json;
using System.Xml;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Credentials;
using Acteon.Providers.Aws.Signing;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>
/// One AWS service endpoint: signs each call with the current credentials, sends it, and turns a non-2xx
/// answer or a transport failure into an <see cref="AwsCallException"/> classified per the seed.
/// </summary>
internal sealed class AwsServiceClient(
    HttpClient http, AwsRequestSigner signer, Uri endpoint, IAwsCredentialSource credentials, TimeProvider time, TimeSpan timeout)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public string Service => signer.SigningName;

    /// <summary>Query protocol (SNS, Auto Scaling, STS): form POST to <c>/</c>, XML answer.</summary>
    public async Task<AwsXml> SendQueryAsync(QueryForm form, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Post, "/", [], NoHeaders, form.ToBytes(), "application/x-www-form-urlencoded; charset=utf-8", cancellationToken);
        try
        {
            return AwsXml.Parse(reply.Body);
        }
        catch (XmlException error)
        {
            throw new AwsCallException(ProviderError.ExecutionFailed($"{Service} {form.Action}: unreadable XML answer: {error.Message}"));
        }
    }

    /// <summary>JSON protocol (EventBridge: 1.1): POST to <c>/</c> with <c>X-Amz-Target</c>.</summary>
    public async Task<JsonElement> SendJsonAsync(string target, string jsonVersion, byte[] body, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string> { ["X-Amz-Target"] = target };
        var reply = await SendAsync(HttpMethod.Post, "/", [], headers, body, $"application/x-amz-json-{jsonVersion}", cancellationToken);
        return ParseJson(reply.Body, target);
    }

    public static JsonElement ParseJson(byte[] body, string operation)
    {
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new AwsCallException(ProviderError.ExecutionFailed($"{operation}: unreadable JSON answer: {error.Message}"));
        }
    }

    public async Task<AwsReply> SendAsync(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        string? contentType,
        CancellationToken cancellationToken)
    {
        var current = await credentials.GetForAsync(Service, cancellationToken);
        using var request = signer.Sign(method, endpoint, path, query, headers, body, contentType, current, time.GetUtcNow().UtcDateTime);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            var replyHeaders = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => string.Join(',', g.SelectMany(h => h.Value)));
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new AwsReply(status, replyHeaders, bytes);
            }

            var (code, message) = AwsErrorParser.Parse(bytes, name => replyHeaders.GetValueOrDefault(name));
            throw new AwsCallException(AwsErrorClassifier.Classify(Service, status, code, message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCallException(ProviderError.Timeout(
                string.Create(CultureInfo.InvariantCulture, $"{Service} at {endpoint} did not answer within {timeout.TotalSeconds:0.###}s")));
        }
        catch (HttpRequestException error)
        {
            throw new AwsCallException(ProviderError.Connection($"connection error: {Service} at {endpoint}: {error.Message}"));
        }
    }
}
