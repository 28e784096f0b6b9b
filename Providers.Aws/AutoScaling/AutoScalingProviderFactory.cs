using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.AutoScaling;

internal sealed class AutoScalingProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-autoscaling";

    public IActionProvider Create(ProviderSettings settings) =>
        new AutoScalingProvider(settings.Name, clients.Create(AwsProviderOptions.From(settings), "autoscaling", "autoscaling"));
}
