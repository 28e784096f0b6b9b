using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Sqs;

internal sealed class SqsProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-sqs";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        return new SqsProvider(settings.Name, clients.Create(options, "sqs", "sqs"), settings.GetString("queue_url"), clients);
    }
}
