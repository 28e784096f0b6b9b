using System.Globalization;
using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>
/// The seed's error table: throttling ⇒ RateLimited; credential errors ⇒ Configuration; invalid request ⇒
/// Serialization; 5xx ⇒ Connection; everything else ⇒ ExecutionFailed.
/// </summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> Throttling = new(StringComparer.OrdinalIgnoreCase)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequests", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown", "ProvisionedThroughputExceededException",
        "RequestThrottledError", "EC2ThrottledException", "PriorRequestNotComplete", "BandwidthLimitExceeded",
    };

    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase)
    {
        "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature",
        "IncompleteSignatureException", "MissingAuthenticationToken", "MissingAuthenticationTokenException", "ExpiredToken",
        "ExpiredTokenException", "InvalidAccessKeyId", "AccessDenied", "AccessDeniedException", "AuthFailure",
        "UnauthorizedOperation", "InvalidSignatureException", "AuthorizationError", "RequestExpired", "InvalidToken",
        "NotAuthorized", "OptInRequired", "InvalidIdentityToken", "CredentialsNotFound",
    };

    private static readonly HashSet<string> InvalidRequest = new(StringComparer.OrdinalIgnoreCase)
    {
        "ValidationError", "ValidationException", "InvalidParameter", "InvalidParameterValue", "InvalidParameterException",
        "InvalidParameterValueException", "InvalidParameterCombination", "MissingParameter", "MalformedQueryString",
        "InvalidRequestException", "InvalidRequestContentException", "SerializationException", "InvalidInput",
        "InvalidMessageContents", "InvalidAttributeValue", "InvalidQueryParameter", "BadRequestException",
        "MessageRejected", "InvalidAction", "RequestEntityTooLargeException", "InvalidArgument", "InvalidRequest",
        "InvalidAMIID.Malformed", "InvalidInstanceID.Malformed", "InvalidParameterValueException.Malformed",
    };

    public static ProviderError Classify(string service, int status, string code, string message)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{service} {code} (HTTP {status}): {message}");
        if (Throttling.Contains(code) || status == 429)
        {
            return ProviderError.RateLimited(text);
        }

        if (Credentials.Contains(code))
        {
            return ProviderError.Configuration($"credential error: {text}");
        }

        if (InvalidRequest.Contains(code))
        {
            return ProviderError.Serialization($"invalid request: {text}");
        }

        if (status >= 500 || code is "ServiceUnavailable" or "InternalError" or "InternalFailure" or "ServiceException")
        {
            return ProviderError.Connection(text);
        }

        return ProviderError.ExecutionFailed(text);
    }
}
