using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.EventBridge;

internal sealed class EventBridgeProviderFactory(AwsClientFactory clients) : IProviderFactory
{
    public string Type => "aws-eventbridge";

    public IActionProvider Create(ProviderSettings settings)
    {
        var options = AwsProviderOptions.From(settings);
        return new EventBridgeProvider(settings.Name, clients.Create(options, "events", "events"), settings.GetString("event_bus_name"));
    }
}
