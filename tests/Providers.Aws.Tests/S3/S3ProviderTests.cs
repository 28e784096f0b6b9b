using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Credentials;
using Acteon.Providers.Aws.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Providers.Aws.Tests.S3;

/// <summary>The S3 provider (AWSSDK.S3) against s3rver: put, get (text and binary), delete, errors.</summary>
public sealed class S3ProviderTests(S3rverFixture s3rver) : IClassFixture<S3rverFixture>
{
    private IActionProvider Create(string accessKey = "S3RVER", params (string Key, object Value)[] extra)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAwsCredentialSource>(new StaticCredentialSource(accessKey, "S3RVER"));
        services.AddAwsProviders();
        var provider = services.BuildServiceProvider();
        var fields = new Dictionary<string, object>
        {
            ["aws_region"] = "us-east-1",
            ["aws_endpoint_url"] = s3rver.Endpoint.ToString(),
            ["bucket_name"] = "archive",
            ["object_prefix"] = "telemetry/",
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return provider.GetServices<IProviderFactory>().Single(f => f.Type == "aws-s3").Create(new ProviderSettings("archive", "aws-s3", fields, "test.toml:1"));
    }

    [Fact]
    public async Task Put_get_and_delete_text_object_with_prefix_metadata_and_content_type()
    {
        var s3 = Create();

        var put = await AwsHarness.OkAsync(s3, "put_object", new
        {
            key = "2026/readings.json", body = """{"readings":[1,2]}""", content_type = "application/json", metadata = new { source = "acteon" },
        });
        var get = await AwsHarness.OkAsync(s3, "get_object", new { key = "2026/readings.json" });
        var delete = await AwsHarness.OkAsync(s3, "delete_object", new { key = "2026/readings.json" });
        var gone = await AwsHarness.FailAsync(s3, "get_object", new { key = "2026/readings.json" });

        Assert.Equal("uploaded", put.GetProperty("status").GetString());
        Assert.Equal("telemetry/2026/readings.json", put.GetProperty("key").GetString());
        Assert.Equal("archive", put.GetProperty("bucket").GetString());
        Assert.Equal("downloaded", get.GetProperty("status").GetString());
        Assert.Equal("""{"readings":[1,2]}""", get.GetProperty("body").GetString());
        Assert.Equal("application/json", get.GetProperty("content_type").GetString());
        Assert.Equal(18, get.GetProperty("content_length").GetInt32());
        Assert.Equal("deleted", delete.GetProperty("status").GetString());
        Assert.Equal(ProviderErrorKind.ExecutionFailed, gone.Kind);
        Assert.Contains("NoSuchKey", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_object_round_trips_as_base64()
    {
        var s3 = Create();
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00, 0x01 };

        await AwsHarness.OkAsync(s3, "put_object", new { key = "logo.png", body_base64 = Convert.ToBase64String(bytes), content_type = "image/png" });
        var get = await AwsHarness.OkAsync(s3, "get_object", new { key = "logo.png" });

        Assert.Equal(Convert.ToBase64String(bytes), get.GetProperty("body_base64").GetString());
        Assert.False(get.TryGetProperty("body", out _));
        Assert.Equal("image/png", get.GetProperty("content_type").GetString());
        Assert.Equal(bytes.Length, get.GetProperty("content_length").GetInt32());
    }

    [Fact]
    public async Task Bad_payloads_fail_before_sending_and_wrong_credentials_are_configuration_errors()
    {
        var s3 = Create();
        var noKey = await AwsHarness.FailAsync(s3, "put_object", new { body = "x" });
        var both = await AwsHarness.FailAsync(s3, "put_object", new { key = "k", body = "x", body_base64 = "eA==" });
        var unknown = await AwsHarness.FailAsync(s3, "list_objects", new { key = "k" });
        var wrongKey = await AwsHarness.FailAsync(Create("AKIDUNKNOWN"), "put_object", new { key = "k", body = "x" });
        var noBucket = await AwsHarness.FailAsync(Create(extra: ("bucket_name", "missing-bucket")), "get_object", new { key = "k" });

        Assert.Equal(ProviderErrorKind.Serialization, noKey.Kind);
        Assert.Contains("'key'", noKey.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.Serialization, both.Kind);
        Assert.Contains("allowed: put_object, get_object, delete_object", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.Configuration, wrongKey.Kind);
        Assert.Equal(ProviderErrorKind.ExecutionFailed, noBucket.Kind);
        Assert.Contains("NoSuchBucket", noBucket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_lists_buckets()
    {
        var s3 = (Health.IProviderHealthCheck)Create();

        Assert.Null(await s3.CheckHealthAsync(CancellationToken.None));
        Assert.Equal(ProviderErrorKind.Configuration, (await ((Health.IProviderHealthCheck)Create("AKIDUNKNOWN")).CheckHealthAsync(CancellationToken.None))?.Kind);
    }
}
