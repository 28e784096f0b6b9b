using System.Buffers;
using System.Text.Json;

namespace Acteon.Bench;

/// <summary>
/// The baseline: a bare Kestrel minimal-API endpoint that parses the dispatch body and answers an outcome shaped like
/// the gateway's, with no pipeline, grains, store or audit behind it.
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private BareServer(WebApplication app, string directory, Uri dispatchUri)
    {
        _app = app;
        _directory = directory;
        DispatchUri = dispatchUri;
    }

    public Uri DispatchUri { get; }

    public static async Task<BareServer> StartAsync()
    {
        // An empty content root: no appsettings.json (Gateway.Api's is copied beside the program) overrides the log level.
        var directory = Directory.CreateTempSubdirectory("acteon-bare-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/dispatch", HandleAsync);
        await app.StartAsync();
        return new BareServer(app, directory, new Uri(new Uri(app.Urls.First()), "/v1/dispatch"));
    }

    private static async Task HandleAsync(HttpContext http)
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var provider = document.RootElement.TryGetProperty("provider", out var p) ? p.GetString() : null;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", "executed");
            writer.WriteString("action_id", Guid.CreateVersion7());
            writer.WriteStartObject("response");
            writer.WriteString("status", "success");
            writer.WriteStartObject("body");
            writer.WriteString("provider", provider);
            writer.WriteBoolean("logged", true);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
