namespace Acteon.Grains.Rules;

public enum RuleValueKind
{
    Missing,
    Null,
    String,
    Number,
    Bool,
    Json,
}
