namespace Acteon.Silo.Configuration.Toml;

/// <summary>How a table came into existence; decides which later definitions may extend it.</summary>
internal enum TomlTableKind
{
    /// <summary>Created only as a parent of a header such as <c>[a.b]</c>; may still be defined once by its own header.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or <c>[[header]]</c> (or the root table).</summary>
    Header,

    /// <summary>Created by a dotted key; may be extended by further dotted keys in the same section.</summary>
    Dotted,

    /// <summary>An inline table or anything inside one; immutable.</summary>
    Inline,
}
