using System.Buffers;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using TomlynEventParser = Tomlyn.Parsing.TomlParser;
using TomlynException = Tomlyn.TomlException;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>Reads TOML 1.1 documents (a superset of TOML 1.0) through Tomlyn into a <see cref="TomlTable"/> tree that keeps every key's line.</summary>
public static partial class TomlParser
{
    /// <summary>Decodes <paramref name="bytes"/> as strict UTF-8, the only encoding TOML allows.</summary>
    /// <exception cref="TomlException">An invalid byte sequence, at the position of its first byte.</exception>
    public static string Decode(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
        var decoded = chars.AsSpan(0, written);
        if (status == OperationStatus.Done)
        {
            return new string(decoded);
        }

        var column = written - decoded.LastIndexOf('\n');
        throw new TomlException(fileName, decoded.Count('\n') + 1, column, "not valid UTF-8 (TOML files must be UTF-8)");
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    /// <exception cref="TomlException">The text is not valid TOML 1.1: a syntax error, a duplicate key or a redefined table.</exception>
    public static TomlTable Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = new TomlSerializerOptions { SourceName = fileName };
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.ParseStrict(text, options, fileName, validate: true);
        }
        catch (TomlynException error)
        {
            throw Translate(error.Diagnostics is { Count: > 0 } ? error : Locate(text, options) ?? error, fileName);
        }

        return new TomlTreeBuilder(fileName).Build(document);
    }

    private static TomlException Translate(TomlynException error, string fileName)
    {
        if (error.Diagnostics is not { Count: > 0 } diagnostics)
        {
            return new TomlException(fileName, error.Line ?? 1, error.Column ?? 1, error.Message);
        }

        var first = diagnostics[0];
        var problem = QuotedDefinition().Replace(first.Message, "${head}line ${line} ${tail}");
        return new TomlException(fileName, first.Span.Start.Line + 1, first.Span.Start.Column + 1, problem);
    }

    /// <summary>"already defined at (13,1) with `...` and cannot be redefined" quotes the whole earlier table, comments included; its line is enough.</summary>
    [GeneratedRegex(@"^(?<head>.* already defined at )\((?<line>\d+),\d+\) with `.*` (?<tail>and cannot be redefined)$", RegexOptions.Singleline)]
    private static partial Regex QuotedDefinition();

    /// <summary>
    /// The syntax parser reports nesting beyond <see cref="TomlSerializerOptions.MaxDepth"/> without a position;
    /// Tomlyn's event parser stops at the same place and says where.
    /// </summary>
    private static TomlynException? Locate(string text, TomlSerializerOptions options)
    {
        var parser = TomlynEventParser.Create(text, options);
        try
        {
            while (parser.MoveNext())
            {
            }
        }
        catch (TomlynException error) when (error.Diagnostics is { Count: > 0 })
        {
            return error;
        }

        return null;
    }
}
