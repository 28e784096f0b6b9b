using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;
using Amazon.Runtime;

namespace Acteon.Providers.Aws.S3;

/// <summary>AWSSDK.S3 exceptions in the seed's error classes (null: not an AWS failure, let it through).</summary>
internal static class S3Errors
{
    public static ProviderError? Classify(Exception error) => error switch
    {
        AmazonServiceException service when service.StatusCode != 0 =>
            AwsErrorClassifier.Classify("s3", (int)service.StatusCode, service.ErrorCode ?? "Unknown", service.Message),
        HttpRequestException or AmazonClientException { InnerException: HttpRequestException } =>
            ProviderError.Connection($"connection error: s3: {error.Message}"),
        AmazonClientException when error.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) =>
            ProviderError.Configuration($"credential error: s3: {error.Message}"),
        TaskCanceledException or TimeoutException => ProviderError.Timeout($"s3 did not answer in time: {error.Message}"),
        AmazonClientException => ProviderError.Connection($"s3: {error.Message}"),
        _ => null,
    };
}
