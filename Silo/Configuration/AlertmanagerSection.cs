namespace Acteon.Silo.Configuration;

/// <summary><c>[alertmanager]</c> namespace, tenant, provider (required), action_type; absent → null.</summary>
internal static class AlertmanagerSection
{
    public static AlertmanagerConfig? Read(TomlSection s)
    {
        if (s.Table.Count == 0)
        {
            return null;
        }

        s.AllowOnly("namespace", "tenant", "provider", "action_type");
        var defaults = new AlertmanagerConfig { Provider = "" };
        return new AlertmanagerConfig
        {
            Namespace = NonEmpty(s, "namespace") ?? defaults.Namespace,
            Tenant = NonEmpty(s, "tenant") ?? defaults.Tenant,
            Provider = NonEmpty(s, "provider") ?? throw s.Error("provider", "is required: the provider alerts are dispatched to (rules may group or reroute them)"),
            ActionType = NonEmpty(s, "action_type") ?? defaults.ActionType,
        };
    }

    private static string? NonEmpty(TomlSection s, string key) => s.String(key) is { } value && value.Length == 0 ? throw s.Error(key, "must not be empty") : s.String(key);
}
