using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Acteon.Silo.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace Acteon.Gateway.Api.Http;

/// <summary>Reads a JSON request body: content type (415), size limit (413) and well-formedness (400) checked here.</summary>
public sealed class JsonRequestReader(ActeonConfig config)
{
    private readonly long _maxBytes = config.Server.MaxBodyBytes;

    public async Task<(JsonDocument? Document, ApiError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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

        try
        {
            return (JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 128 }), null);
        }
        catch (JsonException error)
        {
            return (null, ApiError.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"malformed JSON at line {(error.LineNumber ?? 0) + 1}, byte {(error.BytePositionInLine ?? 0) + 1}: {FirstSentence(error.Message)}")));
        }
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
