using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Providers;

internal sealed class WebhookProviderFactory : IProviderFactory, IDisposable
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

    public string Type => "webhook";

    public IActionProvider Create(ProviderSettings settings)
    {
        var url = settings.RequireString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw settings.Invalid("url", $"must be an absolute http:// or https:// URL, not '{url}'");
        }

        if (uri.Host == "169.254.169.254")
        {
            throw settings.Invalid("url", "must not point at the cloud metadata service");
        }

        var timeout = settings.GetInteger("timeout_seconds") ?? 30;
        if (timeout is < 1 or > 3600)
        {
            throw settings.Invalid("timeout_seconds", "must be between 1 and 3600");
        }

        return new WebhookProvider(settings.Name, uri, settings.GetStringMap("headers"), TimeSpan.FromSeconds(timeout), _http);
    }

    public void Dispose() => _http.Dispose();
}
