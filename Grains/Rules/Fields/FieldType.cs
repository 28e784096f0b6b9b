namespace Acteon.Grains.Rules.Fields;

/// <summary>What a field is known to hold before any action is seen, for load-time type checks.</summary>
public enum FieldType
{
    Any,
    String,
    Number,
}
