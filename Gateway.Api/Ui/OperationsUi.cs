using Acteon.Silo.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Acteon.Gateway.Api.Ui;

/// <summary>
/// The operations dashboard at <c>/ui/</c>: static files built with the project (Ui/web, copied beside the program as
/// <c>ui/</c>, or <c>[ui] dist_path</c>), no CDN; <c>[ui] enabled = false</c> serves none. The files are public (they hold no data); every datum comes from the API with the caller's
/// credentials, so the API's permissions are the dashboard's.
/// </summary>
public static class OperationsUi
{
    public const string Path = "/ui";

    public static WebApplication UseOperationsUi(this WebApplication app)
    {
        var config = app.Services.GetRequiredService<ActeonConfig>().Ui;
        if (!config.Enabled)
        {
            return app;
        }

        var root = config.DistPath ?? System.IO.Path.Combine(AppContext.BaseDirectory, "ui");
        if (!Directory.Exists(root))
        {
            throw new InvalidOperationException($"the dashboard's files are missing: {root} (they are copied there by the build of Gateway.Api)");
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // Revalidated on every load (ETag): a new build of the gateway is seen at once, an unchanged file costs a 304.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
