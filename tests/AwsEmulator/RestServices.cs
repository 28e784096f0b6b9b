using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Acteon.AwsEmulator;

/// <summary>Lambda and SES v2 over REST-JSON.</summary>
internal static class RestServices
{
    private const string FunctionsPrefix = "/2015-03-31/functions/";

    /// <summary>The operation name and the path/header parameters, or null when the route is unknown.</summary>
    public static (string Operation, Dictionary<string, string> Parameters)? Route(string service, string method, string path, Func<string, string?> header)
    {
        if (service == "lambda" && method == "GET" && path.TrimEnd('/') == FunctionsPrefix.TrimEnd('/'))
        {
            return ("ListFunctions", []);
        }

        if (service == "lambda" && method == "POST" && path.StartsWith(FunctionsPrefix, StringComparison.Ordinal) && path.EndsWith("/invocations", StringComparison.Ordinal))
        {
            var name = Uri.UnescapeDataString(path[FunctionsPrefix.Length..^"/invocations".Length]);
            return ("Invoke", new() { ["FunctionName"] = name, ["InvocationType"] = header("X-Amz-Invocation-Type") ?? "RequestResponse" });
        }

        if (service == "ses" && method == "POST" && path == "/v2/email/outbound-emails")
        {
            return ("SendEmail", []);
        }

        return service == "ses" && method == "GET" && path == "/v2/email/account" ? ("GetAccount", []) : null;
    }

    public static Reply Handle(EmulatorState state, string operation, IReadOnlyDictionary<string, string> p, byte[] body) => operation switch
    {
        "ListFunctions" => Wire.Json(new JsonObject
        {
            ["Functions"] = new JsonArray([.. state.Functions.Keys.Order().Take(p.TryGetValue("MaxItems", out var max) ? int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : 50)
                .Select(f => (JsonNode)new JsonObject { ["FunctionName"] = f, ["FunctionArn"] = $"arn:aws:lambda:us-east-1:{EmulatorState.Account}:function:{f}", ["Runtime"] = "python3.12" })]),
        }, "application/json"),
        "Invoke" => Invoke(state, p),
        "SendEmail" => SendEmail(state, p, body),
        _ => Wire.Json(new JsonObject
        {
            ["SendingEnabled"] = true,
            ["ProductionAccessEnabled"] = true,
            ["EnforcementStatus"] = "HEALTHY",
            ["DedicatedIpAutoWarmupEnabled"] = false,
            ["SendQuota"] = new JsonObject { ["Max24HourSend"] = 50000.0, ["MaxSendRate"] = 14.0, ["SentLast24Hours"] = (double)state.Emails.Count },
        }, "application/json"),
    };

    private static Reply Invoke(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        if (!state.Functions.TryGetValue(p["FunctionName"], out var function))
        {
            return Wire.Error("lambda", 404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:us-east-1:{EmulatorState.Account}:function:{p["FunctionName"]}");
        }

        var headers = new Dictionary<string, string> { ["X-Amz-Executed-Version"] = "$LATEST" };
        if (function.FunctionError is { } error)
        {
            headers["X-Amz-Function-Error"] = error;
        }

        return p["InvocationType"] switch
        {
            "Event" => new Reply(202, "application/json", [], headers),
            "DryRun" => new Reply(204, "application/json", [], headers),
            _ => new Reply(200, "application/json", Encoding.UTF8.GetBytes(function.ResultJson), headers),
        };
    }

    private static Reply SendEmail(EmulatorState state, IReadOnlyDictionary<string, string> p, byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        if (!p.ContainsKey("Destination.ToAddresses.0") || !p.ContainsKey("Content.Simple.Subject.Data"))
        {
            return Wire.Error("ses", 400, "BadRequestException", "Missing destination or subject");
        }

        var id = $"0100-{Guid.NewGuid():N}-000000";
        state.Emails.Add(new Dictionary<string, string>(p) { ["MessageId"] = id });
        return Wire.Json(new JsonObject { ["MessageId"] = id }, "application/json");
    }
}
