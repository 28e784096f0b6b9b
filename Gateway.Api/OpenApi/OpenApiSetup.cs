using Microsoft.OpenApi;

namespace Acteon.Gateway.Api.OpenApi;

/// <summary>OpenAPI JSON at <c>/api-doc/openapi.json</c> and Swagger UI at <c>/swagger-ui/</c>.</summary>
public static class OpenApiSetup
{
    private const string DocumentName = "openapi";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o => o.SwaggerDoc(DocumentName, new OpenApiInfo
        {
            Title = "Acteon Gateway",
            Version = "v1",
            Description = "Action gateway: dispatch, audit, health.",
        }));
        return services;
    }

    public static WebApplication UseGatewayOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "api-doc/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger-ui";
            o.SwaggerEndpoint($"/api-doc/{DocumentName}.json", "Acteon Gateway");
        });
        return app;
    }
}
