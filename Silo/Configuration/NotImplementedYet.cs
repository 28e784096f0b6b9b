namespace Acteon.Silo.Configuration;

/// <summary>
/// Sections and keys of acteon.toml that belong to features this gateway does not have yet. Each is a start-up error
/// (file, line, key, "not implemented yet"), never accepted and ignored; the change that implements a feature removes
/// its entry here and reads the section or key itself.
/// </summary>
internal static class NotImplementedYet
{
    /// <summary>Top-level sections → the feature they configure.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["background"] = "background processing (recurring actions, group flushes, timeouts)",
        ["llm_guardrail"] = "the LLM guardrail",
    };

    /// <summary>Keys of implemented sections → the feature they configure.</summary>
    public static readonly IReadOnlyDictionary<(string Section, string Key), string> Keys = new Dictionary<(string, string), string>
    {
        [("server", "cors_allowed_origins")] = "CORS",
        [("server", "max_concurrent_dispatch")] = "a limit on concurrent dispatches",
        [("executor", "dlq_enabled")] = "the executor's dead-letter queue",
        [("audit", "backend")] = "a separate audit backend (audit records are kept in the [state] store)",
    };

    public static string SectionMessage(string section) =>
        $"[{section}] configures {Sections[section]}, which is not implemented yet in this gateway; remove the section";

    public static string KeyMessage(string section, string key) =>
        $"[{section}] {key} configures {Keys[(section, key)]}, which is not implemented yet in this gateway; remove the key";
}
