namespace Acteon.Grains.Rules.Loading;

/// <summary>
/// Rule-file keys and action types of features this gateway does not have yet. Each is a load error (file, line,
/// "not implemented yet"), never accepted and ignored; the change that implements a feature removes its entry here.
/// </summary>
internal static class RuleFeaturesNotImplemented
{
    /// <summary>Keys of a rule → the feature they belong to.</summary>
    public static readonly IReadOnlyDictionary<string, string> RuleKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mute_time_intervals"] = "mute time intervals",
        ["active_time_intervals"] = "active time intervals",
        ["metadata"] = "rule metadata",
    };

    /// <summary>Action types → the feature they belong to.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActionTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    public static string RuleKeyMessage(string key) =>
        $"'{key}' ({RuleKeys[key]}) is not implemented yet in this gateway; remove it";

    public static string ActionTypeMessage(string type) =>
        $"action type '{type}' ({ActionTypes[type]}) is not implemented yet in this gateway; use another action";
}
