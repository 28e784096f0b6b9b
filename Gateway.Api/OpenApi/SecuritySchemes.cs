using Acteon.Gateway.Api.Auth;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Acteon.Gateway.Api.OpenApi;

/// <summary>
/// The two ways to send credentials (a bearer token: JWT or API key; or <c>X-API-Key</c>), declared so that Swagger
/// UI's Authorize button sends them; every route that requires a permission lists both, with the permission named.
/// </summary>
public sealed class SecuritySchemes : IOperationFilter
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    public static void Add(SwaggerGenOptions o)
    {
        o.AddSecurityDefinition(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from POST /v1/auth/login, or an API key.",
        });
        o.AddSecurityDefinition(ApiKey, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthSchemes.ApiKeyHeader,
            Description = "An API key.",
        });
        o.OperationFilter<SecuritySchemes>();
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequiredPermission>().LastOrDefault() is not { } required)
        {
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, context.Document)] = [] },
        ];
        operation.Description = $"{operation.Description}\n\nRequires permission {required.Permission} (role {Permissions.Name(Permissions.MinRole(required.Permission))} or above).".Trim();
    }
}
