using Acteon.Grains.Abstractions.Providers;
using Amazon.Runtime;
using Amazon.S3;

namespace Acteon.Providers.Aws.S3;

internal sealed class S3ProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-s3";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        var config = AwsClientFactory.SdkConfig<AmazonS3Config>(options);
        config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
        config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        config.ForcePathStyle = options.EndpointUrl is not null;
        var client = new AmazonS3Client(clients.SdkCredentialsFor(options, "s3"), config);
        return new S3Provider(settings.Name, client, settings.GetString("bucket_name"), settings.GetString("object_prefix") ?? "");
    }
}
