using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Acteon.Silo.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// Reads a JSON request body: content type (415), size limit (413), well-formedness and nesting deeper than 128 (400)
/// are checked here, and (unless the caller checks each part itself) every string and property name, duplicate
/// names included, with <see cref="JsonText"/>.
/// </summary>
public sealed class JsonRequestReader(ActeonConfig config)
{
    // Duplicate property names are found by JsonText (with their JSON path, beside the other problems, in document
    // order): the parser's own check has no path, and a property name that is not valid Unicode makes it throw.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128, AllowDuplicateProperties = true };

    private readonly long _maxBytes = config.Server.MaxBodyBytes;

    /// <remarks><paramref name="checkText"/> is false when the caller runs <see cref="JsonText.Check"/> on each part (a batch's elements fail alone).</remarks>
    public async Task<(JsonDocument? Document, ApiError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, bool checkText = true)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, new ApiError(StatusCodes.Status415UnsupportedMediaType, WrongContentType(request.ContentType)));
        }

        if (request.ContentLength > _maxBytes)
        {
            return (null, TooLarge());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _maxBytes;
        }

        // Sized to the declared length (+1 for the read that sees the end), so a usual body is read into one exact array.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min((request.ContentLength ?? 4095) + 1, _maxBytes + 1));
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(1), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > _maxBytes)
                {
                    return (null, TooLarge());
                }
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        if (buffer.WrittenCount == 0)
        {
            return (null, ApiError.BadRequest("the request body is empty; send a JSON object"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, Options);
        }
        catch (JsonException error)
        {
            return (null, ApiError.BadRequest(error.LineNumber is null
                ? $"malformed JSON: {FirstSentence(error.Message)}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"malformed JSON at line {error.LineNumber + 1}, byte {(error.BytePositionInLine ?? 0) + 1}: {FirstSentence(error.Message)}")));
        }

        var errors = new List<FieldError>();
        if (checkText && !JsonText.Check(document.RootElement, "$", errors))
        {
            document.Dispose();
            return (null, ApiError.BadRequest($"invalid JSON: {errors[0].Path} {errors[0].Message}", errors));
        }

        return (document, null);
    }

    public static string WrongContentType(string? contentType) => $"Content-Type must be application/json, not '{contentType ?? "(none)"}'";

    private ApiError TooLarge() => new(StatusCodes.Status413PayloadTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"the request body is larger than {_maxBytes} bytes ([server] max_body_bytes)"));

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
