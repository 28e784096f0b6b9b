using System.Diagnostics;

namespace Acteon.Grains.Dispatch;

/// <summary>The gateway's trace source: one span per dispatched action.</summary>
public static class GatewayTelemetry
{
    public const string SourceName = "Acteon.Gateway";

    public static readonly ActivitySource Source = new(SourceName);
}
