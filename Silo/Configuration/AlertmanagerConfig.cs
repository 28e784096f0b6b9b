namespace Acteon.Silo.Configuration;

/// <summary><c>[alertmanager]</c>: where the alerts <c>POST /api/v2/alerts</c> receives become actions.</summary>
public sealed record AlertmanagerConfig
{
    public string Namespace { get; init; } = "alerts";
    public string Tenant { get; init; } = "default";
    public required string Provider { get; init; }
    public string ActionType { get; init; } = "alert";
}
