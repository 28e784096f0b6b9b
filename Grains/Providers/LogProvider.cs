using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Microsoft.Extensions.Logging;

namespace Acteon.Grains.Providers;

/// <summary>Logs the action and answers <c>{"provider": name, "logged": true}</c>; never fails.</summary>
internal sealed partial class LogProvider : IActionProvider
{
    private readonly ILogger _logger;
    private readonly ProviderResponse _response;

    public LogProvider(string name, ILogger logger)
    {
        Name = name;
        _logger = logger;
        using var body = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["provider"] = name, ["logged"] = true }));
        _response = new ProviderResponse(true, body.RootElement.Clone());
    }

    public string Name { get; }

    public string Type => "log";

    public ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
    {
        LogAction(_logger, Name, action.Namespace, action.Tenant, action.ActionType, action.Id);
        return ValueTask.FromResult<ProviderResult>(_response);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Provider}: {Namespace}/{Tenant} {ActionType} {ActionId}")]
    private static partial void LogAction(ILogger logger, string provider, string @namespace, string tenant, string actionType, string actionId);
}
