using Acteon.Grains.Abstractions.Providers;
using Microsoft.Extensions.Logging;

namespace Acteon.Grains.Providers;

internal sealed class LogProviderFactory(ILoggerFactory loggers) : IProviderFactory
{
    public string Type => "log";

    public IActionProvider Create(ProviderSettings settings) =>
        new LogProvider(settings.Name, loggers.CreateLogger("Acteon.Providers.Log"));
}
