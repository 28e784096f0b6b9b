using Acteon.Grains.Abstractions.Providers;
using Amazon.SQS;

namespace Acteon.Providers.Aws.Sqs;

internal sealed class SqsProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-sqs";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        var client = new AmazonSQSClient(clients.SdkCredentialsFor(options, "sqs"), AwsClientFactory.SdkConfig<AmazonSQSConfig>(options));
        return new SqsProvider(settings.Name, client, settings.GetString("queue_url"));
    }
}
