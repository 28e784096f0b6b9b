using System.Text.Json;
using System.Xml;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>
/// Reads the error code and message of a failed call in the hand-written protocols: query XML
/// (<c>&lt;Code&gt;</c>, <c>&lt;Message&gt;</c>), JSON (<c>__type</c>, <c>message</c>) and REST-JSON
/// (<c>x-amzn-ErrorType</c> header).
/// </summary>
internal static class AwsErrorParser
{
    public static (string Code, string Message) Parse(byte[] body, Func<string, string?> header)
    {
        string? code = null;
        string? message = null;
        if (body.Length > 0 && body[0] == (byte)'{')
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                code = Get(doc.RootElement, "__type") ?? Get(doc.RootElement, "code") ?? Get(doc.RootElement, "Code");
                message = Get(doc.RootElement, "message") ?? Get(doc.RootElement, "Message");
            }
            catch (JsonException)
            {
                // Not JSON after all; fall through to the header.
            }
        }
        else if (body.Length > 0 && body[0] == (byte)'<')
        {
            try
            {
                var xml = AwsXml.Parse(body);
                code = xml.Find("Code")?.Element.Value;
                message = xml.Find("Message")?.Element.Value;
            }
            catch (XmlException)
            {
                // Not XML after all.
            }
        }

        code ??= header("x-amzn-errortype");
        return (Normalize(code), message ?? "");
    }

    /// <summary>
    /// <c>com.amazonaws.events#ValidationException</c>, <c>Throttling:http://...</c> and SQS's query-compatible
    /// <c>AWS.SimpleQueueService.ThrottlingException</c> (the code AWSSDK.SQS reports) become the bare code.
    /// </summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "Unknown";
        }

        const string SqsQueryPrefix = "AWS.SimpleQueueService.";
        if (code.StartsWith(SqsQueryPrefix, StringComparison.Ordinal))
        {
            code = code[SqsQueryPrefix.Length..];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var semicolon = code.IndexOf(';', StringComparison.Ordinal);
        return semicolon >= 0 ? code[..semicolon] : code;
    }

    private static string? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
