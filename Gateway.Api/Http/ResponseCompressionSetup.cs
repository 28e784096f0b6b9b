using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// Brotli or gzip (fastest level) for a client that asks with <c>Accept-Encoding</c>: JSON, the dashboard's scripts,
/// styles and page. The dashboard's overview loads up to 1000 audit records (about 0.7 KB each as JSON), which
/// compress about tenfold. Never Server-Sent Events (each frame must leave at once) and never over HTTPS (BREACH).
/// </summary>
public static class ResponseCompressionSetup
{
    private static readonly string[] MimeTypes = ["application/json", "text/javascript", "application/javascript", "text/css", "text/html"];

    public static IServiceCollection AddGatewayCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = false;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
