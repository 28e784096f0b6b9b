using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Rules;

namespace Acteon.Gateway.Api.Rules;

public static class RulesEndpoints
{
    public static RouteGroupBuilder MapRulesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/rules").WithTags("Rules").RequirePermission(Permission.RulesRead);
        group.MapGet("", (RuleEngine engine) => DispatchEndpoints.Json(writer => WriteRules(writer, engine.Current)))
            .WithSummary("The loaded rules, by priority");
        group.MapPost("/evaluate", RulePlayground.EvaluateAsync).WithSummary("Evaluate the rules against an action without dispatching it");
        var manage = app.MapGroup("/v1/rules").WithTags("Rules").RequirePermission(Permission.RulesManage);
        manage.MapPost("/reload", ReloadAsync).WithSummary("Reload the rules folder; all files or none");
        manage.MapPut("/{name}/enabled", SetEnabledAsync).WithSummary("Enable or disable a rule (stored; survives reloads and restarts)");
        return group;
    }

    private static async Task<IResult> ReloadAsync(RuleEngine engine, Microsoft.Extensions.Options.IOptions<RuleOptions> options)
    {
        if (options.Value.Directory is null)
        {
            return new ApiError(StatusCodes.Status409Conflict, "no rules folder is configured; set [rules] directory in acteon.toml").ToResult();
        }

        var result = await engine.ReloadAsync();
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("loaded", result.Loaded);
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("file", error.File);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> SetEnabledAsync(string name, HttpContext http, JsonRequestReader body, RuleEngine engine)
    {
        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("enabled", out var enabled) || enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return ApiError.BadRequest("the body must be {\"enabled\": true|false}", [new FieldError("$.enabled", "is required (true or false)")]).ToResult();
            }

            if (!await engine.SetEnabledAsync(name, enabled.GetBoolean()))
            {
                return ApiError.NotFound($"rule not found: {name}").ToResult();
            }

            return DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteBoolean("enabled", enabled.GetBoolean());
                writer.WriteEndObject();
            });
        }
    }

    private static void WriteRules(Utf8JsonWriter writer, RuleSet rules)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("rules");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules.Rules[i];
            writer.WriteStartObject();
            writer.WriteString("name", rule.Name);
            writer.WriteNumber("priority", rule.Priority);
            writer.WriteBoolean("enabled", rules.IsEnabled(i));
            writer.WriteString("description", rule.Description);
            writer.WriteString("action", rule.Action.Verdict);
            writer.WriteString("source", $"{rule.File}:{rule.Line}");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
