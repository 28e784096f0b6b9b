using System.Net.Sockets;
using Acteon.Grains.Abstractions.Providers;
using Amazon.Runtime;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>
/// AWSSDK exceptions (S3, EC2, SQS) in the seed's error classes, through the same table as the hand-written
/// protocols. Null: not an AWS failure, or the caller's own cancellation; let it through.
/// </summary>
internal static class AwsSdkErrors
{
    public static ProviderError? Classify(string service, Exception error, CancellationToken cancellationToken) => error switch
    {
        _ when cancellationToken.IsCancellationRequested => null,
        AmazonServiceException { StatusCode: not 0 } failure =>
            AwsErrorClassifier.Classify(service, (int)failure.StatusCode, AwsErrorParser.Normalize(failure.ErrorCode), failure.Message),
        _ when IsConnectionFailure(error) => ProviderError.Connection($"connection error: {service}: {error.Message}"),
        OperationCanceledException or TimeoutException => ProviderError.Timeout($"{service} did not answer in time: {error.Message}"),
        AmazonClientException or AmazonServiceException => ProviderError.Connection($"{service}: {error.Message}"),
        _ => null,
    };

    /// <summary>The SDK passes transport failures on as they are or wrapped in one of its own exceptions.</summary>
    private static bool IsConnectionFailure(Exception error) =>
        error is HttpRequestException or IOException or SocketException
        || (error is AmazonClientException or AmazonServiceException && error.InnerException is { } inner && IsConnectionFailure(inner));
}
