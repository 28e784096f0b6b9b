using System.Text;
using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;
using Amazon.S3;
using Amazon.S3.Model;

namespace Acteon.Providers.Aws.S3;

/// <summary><c>aws-s3</c>: put, get and delete objects through AWSSDK.S3.</summary>
internal sealed class S3Provider(string name, IAmazonS3 s3, string? bucketName, string objectPrefix)
    : AwsProvider(name, "aws-s3", "s3")
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    protected override IReadOnlyList<string> ActionTypes { get; } = ["put_object", "get_object", "delete_object"];

    protected override async Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken)
    {
        var key = objectPrefix + payload.RequireString("key");
        var bucket = payload.String("bucket") ?? bucketName ?? throw MissingTarget("bucket", "bucket_name");
        return actionType switch
        {
            "put_object" => await PutAsync(bucket, key, Content(payload), payload, cancellationToken),
            "get_object" => await GetAsync(bucket, key, cancellationToken),
            _ => await DeleteAsync(bucket, key, cancellationToken),
        };
    }

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        s3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1 }, cancellationToken);

    private static byte[] Content(Payload payload)
    {
        var text = payload.String("body");
        var base64 = payload.String("body_base64");
        if (text is not null && base64 is not null)
        {
            throw new AwsCallException(ProviderError.Serialization("invalid payload: 'body' and 'body_base64' are mutually exclusive"));
        }

        if (base64 is null)
        {
            return Encoding.UTF8.GetBytes(text ?? "");
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Payload.Wrong("body_base64", "valid base64");
        }
    }

    private async Task<JsonObject> PutAsync(string bucket, string key, byte[] content, Payload payload, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = stream,
            ContentType = payload.String("content_type"),
            UseChunkEncoding = false,
            AutoCloseStream = false,
        };
        foreach (var (k, v) in payload.StringMap("metadata"))
        {
            request.Metadata.Add(k, v);
        }

        await s3.PutObjectAsync(request, cancellationToken);
        return new JsonObject { ["bucket"] = bucket, ["key"] = key, ["status"] = "uploaded" };
    }

    private async Task<JsonObject> GetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var result = new JsonObject
        {
            ["bucket"] = bucket,
            ["key"] = key,
            ["content_type"] = response.Headers.ContentType ?? "application/octet-stream",
            ["content_length"] = bytes.Length,
        };
        try
        {
            result["body"] = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            result["body_base64"] = Convert.ToBase64String(bytes);
        }

        result["status"] = "downloaded";
        return result;
    }

    private async Task<JsonObject> DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await s3.DeleteObjectAsync(bucket, key, cancellationToken);
        return new JsonObject { ["bucket"] = bucket, ["key"] = key, ["status"] = "deleted" };
    }
}
