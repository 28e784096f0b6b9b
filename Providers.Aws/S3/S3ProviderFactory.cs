using Acteon.Grains.Abstractions.Providers;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Acteon.Providers.Aws.S3;

internal sealed class S3ProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-s3";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        var config = new AmazonS3Config
        {
            Timeout = options.Timeout,
            MaxErrorRetry = 0,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        var client = new AmazonS3Client(clients.SdkCredentialsFor(options), config);
        return new S3Provider(settings.Name, client, settings.GetString("bucket_name"), settings.GetString("object_prefix") ?? "", clients);
    }
}
