using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Sns;

internal sealed class SnsProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-sns";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        return new SnsProvider(settings.Name, clients.Create(options, "sns", "sns"), settings.GetString("topic_arn"));
    }
}
