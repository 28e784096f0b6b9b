using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Actions;

namespace Acteon.Grains.Providers;

/// <summary>
/// POSTs the whole action as JSON to the configured URL. 2xx is a success (body: the JSON answer, or
/// <c>{"status_code": N}</c>); 429 is rate limiting and 408/5xx or no connection are retryable; other 4xx fail at once.
/// </summary>
internal sealed class WebhookProvider(string name, Uri url, IReadOnlyDictionary<string, string> headers, TimeSpan timeout, HttpClient http)
    : IActionProvider
{
    private const int MaxErrorBody = 256;

    public string Name => name;

    public string Type => "webhook";

    public async ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(GatewayActionJson.ToUtf8(action));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (key, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(key, value))
            {
                request.Content.Headers.TryAddWithoutValidation(key, value);
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return Classify(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProviderError.Timeout(string.Create(CultureInfo.InvariantCulture, $"webhook '{name}' did not answer within {timeout.TotalSeconds:0.###}s"));
        }
        catch (HttpRequestException error)
        {
            return ProviderError.Connection($"connection error: webhook '{name}' at {url}: {error.Message}");
        }
    }

    private ProviderResult Classify(HttpStatusCode status, byte[] body)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return new ProviderResponse(true, ParseBody(code, body));
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"webhook '{name}' answered HTTP {code}: {Excerpt(body)}");
        return code switch
        {
            429 => ProviderError.RateLimited(message),
            408 or >= 500 => ProviderError.Connection(message),
            _ => ProviderError.ExecutionFailed(message),
        };
    }

    private static JsonElement ParseBody(int code, byte[] body)
    {
        try
        {
            if (body.Length > 0)
            {
                using var doc = JsonDocument.Parse(body);
                return doc.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Not JSON: answer with the status code only.
        }

        using var fallback = JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture, $"{{\"status_code\":{code}}}"));
        return fallback.RootElement.Clone();
    }

    private static string Excerpt(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxErrorBody));
        return text.Length == 0 ? "(empty body)" : text;
    }
}
