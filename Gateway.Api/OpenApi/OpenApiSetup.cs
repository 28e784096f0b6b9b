using Microsoft.OpenApi;

namespace Acteon.Gateway.Api.OpenApi;

/// <summary>OpenAPI JSON at <c>/api-doc/openapi.json</c> and Swagger UI at <c>/swagger-ui/</c>.</summary>
public static class OpenApiSetup
{
    private const string DocumentName = "openapi";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Acteon Gateway",
                Version = "v1",
                Description = "Action gateway: dispatch, audit, health.",
            });
            SecuritySchemes.Add(o);
        });
        return services;
    }

    public static WebApplication UseGatewayOpenApi(this WebApplication app)
    {
        // Only requests under the two documentation paths pass through the Swagger middleware; a dispatch does not.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api-doc") || http.Request.Path.StartsWithSegments("/swagger-ui"), docs =>
        {
            docs.UseSwagger(o => o.RouteTemplate = "api-doc/{documentName}.json");
            docs.UseSwaggerUI(o =>
            {
                o.RoutePrefix = "swagger-ui";
                o.SwaggerEndpoint($"/api-doc/{DocumentName}.json", "Acteon Gateway");
            });
        });
        return app;
    }
}
