using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Acteon.AwsEmulator;

/// <summary>Answers in each protocol's real shape, errors included.</summary>
internal static class Wire
{
    public static readonly Dictionary<string, XNamespace> Namespaces = new(StringComparer.Ordinal)
    {
        ["sns"] = "http://sns.amazonaws.com/doc/2010-03-31/",
        ["sts"] = "https://sts.amazonaws.com/doc/2011-06-15/",
        ["autoscaling"] = "http://autoscaling.amazonaws.com/doc/2011-01-01/",
        ["ec2"] = "http://ec2.amazonaws.com/doc/2016-11-15/",
    };

    public static Protocol ProtocolOf(string service) => service switch
    {
        "ec2" => Protocol.Ec2,
        "sqs" or "events" => Protocol.Json,
        "lambda" or "ses" => Protocol.RestJson,
        _ => Protocol.Query,
    };

    /// <summary>Query protocol: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;...</c>.</summary>
    public static Reply Query(string service, string action, params object[] result)
    {
        XNamespace ns = Namespaces[service];
        var root = new XElement(ns + $"{action}Response",
            new XElement(ns + $"{action}Result", Qualify(ns, result)),
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", Guid.NewGuid().ToString())));
        return Reply.Text(200, "text/xml", root.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>EC2 protocol: <c>&lt;{Action}Response&gt;&lt;requestId/&gt;...</c>.</summary>
    public static Reply Ec2(string action, params object[] content)
    {
        XNamespace ns = Namespaces["ec2"];
        var root = new XElement(ns + $"{action}Response", new XElement(ns + "requestId", Guid.NewGuid().ToString()), Qualify(ns, content));
        return Reply.Text(200, "text/xml;charset=UTF-8", root.ToString(SaveOptions.DisableFormatting));
    }

    public static Reply Json(JsonNode body, string contentType = "application/x-amz-json-1.1", int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, contentType, JsonSerializer.SerializeToUtf8Bytes(body), headers);

    public static Reply Error(string service, int status, string code, string message)
    {
        switch (ProtocolOf(service))
        {
            case Protocol.Ec2:
                var ec2 = new XElement("Response",
                    new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
                    new XElement("RequestID", Guid.NewGuid().ToString()));
                return Reply.Text(status, "text/xml;charset=UTF-8", ec2.ToString(SaveOptions.DisableFormatting));
            case Protocol.Json:
                var json = service == "sqs" ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
                var headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = Guid.NewGuid().ToString() };
                if (service == "sqs")
                {
                    headers["x-amzn-query-error"] = $"AWS.SimpleQueueService.{code};Sender";
                }

                return Json(new JsonObject { ["__type"] = $"com.amazonaws.{service}#{code}", ["message"] = message }, json, status, headers);
            case Protocol.RestJson:
                return Json(new JsonObject { ["message"] = message }, "application/json", status,
                    new Dictionary<string, string> { ["x-amzn-ErrorType"] = code, ["x-amzn-RequestId"] = Guid.NewGuid().ToString() });
            default:
                XNamespace ns = Namespaces.GetValueOrDefault(service, "http://sns.amazonaws.com/doc/2010-03-31/");
                var query = new XElement(ns + "ErrorResponse",
                    new XElement(ns + "Error", new XElement(ns + "Type", status >= 500 ? "Receiver" : "Sender"),
                        new XElement(ns + "Code", code), new XElement(ns + "Message", message)),
                    new XElement(ns + "RequestId", Guid.NewGuid().ToString()));
                return Reply.Text(status, "text/xml", query.ToString(SaveOptions.DisableFormatting));
        }
    }

    /// <summary>The real code for an injected fault, per protocol.</summary>
    public static Reply Fault(string service, FaultKind kind)
    {
        var protocol = ProtocolOf(service);
        var (status, code) = (kind, protocol) switch
        {
            (FaultKind.Throttling, Protocol.Query) => (400, "Throttling"),
            (FaultKind.Throttling, Protocol.Ec2) => (503, "RequestLimitExceeded"),
            (FaultKind.Throttling, Protocol.Json) => (400, "ThrottlingException"),
            (FaultKind.Throttling, _) => (429, "TooManyRequestsException"),
            (FaultKind.Credentials, Protocol.Query) => (403, "InvalidClientTokenId"),
            (FaultKind.Credentials, Protocol.Ec2) => (401, "AuthFailure"),
            (FaultKind.Credentials, _) => (403, "UnrecognizedClientException"),
            (FaultKind.ServerError, Protocol.Ec2) => (500, "InternalError"),
            (FaultKind.ServerError, _) => (500, "InternalFailure"),
            (FaultKind.InvalidRequest, Protocol.Query) => (400, "InvalidParameter"),
            (FaultKind.InvalidRequest, Protocol.Ec2) => (400, "InvalidParameterValue"),
            (FaultKind.InvalidRequest, Protocol.Json) => (400, "ValidationException"),
            _ => (400, "InvalidParameterValueException"),
        };
        return Error(service, status, code, $"injected {kind} fault");
    }

    /// <summary>Puts unqualified elements built by handlers into the service namespace.</summary>
    private static IEnumerable<object> Qualify(XNamespace ns, IEnumerable<object> content)
    {
        foreach (var item in content)
        {
            if (item is XElement element)
            {
                foreach (var e in element.DescendantsAndSelf())
                {
                    e.Name = ns + e.Name.LocalName;
                }
            }

            yield return item;
        }
    }
}
