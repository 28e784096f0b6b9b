using System.Globalization;
using System.Text;
using System.Text.Json;
using Acteon.Silo.Configuration.Toml;
using Acteon.TomlTestDecoder;
using Xunit;

namespace Acteon.Silo.Tests.Configuration.Toml;

/// <summary>Runs every case of the official toml-test suite (read from ../shared at test time).</summary>
public sealed class TomlTestSuiteTests
{
    internal static string SuiteRoot => Path.Combine(TestPaths.Shared, "testdata", "toml-test");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var cases = Directory.EnumerateFiles(SuiteRoot, "*.toml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SuiteRoot, path).Replace('\\', '/'))
            .Where(path => path.StartsWith("valid/", StringComparison.Ordinal) || path.StartsWith("invalid/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in cases)
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>
    /// Invalid in TOML 1.0 (the suite's version) but valid TOML 1.1, which Tomlyn reads. Only these may be accepted,
    /// and they are: a case that Tomlyn starts rejecting comes off this list.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> AcceptedByToml11 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["invalid/datetime/no-secs.toml"] = "TOML 1.1 makes the seconds of a time optional",
        ["invalid/local-time/no-secs.toml"] = "TOML 1.1 makes the seconds of a time optional",
        ["invalid/inline-table/linebreak-01.toml"] = "TOML 1.1 allows newlines inside inline tables",
        ["invalid/inline-table/linebreak-02.toml"] = "TOML 1.1 allows newlines inside inline tables",
        ["invalid/inline-table/linebreak-03.toml"] = "TOML 1.1 allows newlines inside inline tables",
        ["invalid/inline-table/linebreak-04.toml"] = "TOML 1.1 allows newlines inside inline tables",
        ["invalid/inline-table/trailing-comma.toml"] = "TOML 1.1 allows a trailing comma in inline tables",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_TomlTestCase_MatchesExpectedOutcome(string relativePath)
    {
        var tomlPath = Path.Combine(SuiteRoot, relativePath);
        var bytes = File.ReadAllBytes(tomlPath);
        if (relativePath.StartsWith("valid/", StringComparison.Ordinal))
        {
            var actual = TomlTaggedJson.Encode(TomlParser.Parse(TomlParser.Decode(bytes, relativePath), relativePath));
            var expected = File.ReadAllText(Path.ChangeExtension(tomlPath, ".json"));
            AssertTaggedJsonEqual(expected, actual);
            return;
        }

        TomlTable parsed;
        try
        {
            parsed = TomlParser.Parse(TomlParser.Decode(bytes, relativePath), relativePath);
        }
        catch (TomlException error)
        {
            Assert.False(AcceptedByToml11.ContainsKey(relativePath), $"{relativePath} is listed as valid TOML 1.1 but was rejected: {error.Message}");
            return;
        }

        Assert.True(AcceptedByToml11.ContainsKey(relativePath), $"Expected {relativePath} to be rejected, but it parsed as:\n{TomlTaggedJson.Encode(parsed)}");
    }

    /// <summary>Compares tagged JSON the way toml-test does: unordered tables, numeric floats, equivalent date-time spellings.</summary>
    internal static void AssertTaggedJsonEqual(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var mismatch = FindMismatch(expected.RootElement, actual.RootElement, "$");
        if (mismatch is not null)
        {
            Assert.Fail($"{mismatch}\nExpected:\n{expectedJson}\nActual:\n{actualJson}");
        }
    }

    private static string? FindMismatch(JsonElement expected, JsonElement actual, string path)
    {
        if (IsLeaf(expected))
        {
            return IsLeaf(actual) ? CompareLeaf(expected, actual, path) : $"{path}: expected a tagged value, got {actual.ValueKind}";
        }

        if (expected.ValueKind != actual.ValueKind || IsLeaf(actual))
        {
            return $"{path}: expected {expected.ValueKind}, got {(IsLeaf(actual) ? "a tagged value" : actual.ValueKind)}";
        }

        if (expected.ValueKind == JsonValueKind.Array)
        {
            var expectedItems = expected.EnumerateArray().ToList();
            var actualItems = actual.EnumerateArray().ToList();
            if (expectedItems.Count != actualItems.Count)
            {
                return $"{path}: expected {expectedItems.Count} elements, got {actualItems.Count}";
            }

            return expectedItems.Zip(actualItems)
                .Select((pair, index) => FindMismatch(pair.First, pair.Second, $"{path}[{index}]"))
                .FirstOrDefault(message => message is not null);
        }

        if (expected.ValueKind != JsonValueKind.Object)
        {
            return $"{path}: unexpected JSON {expected.ValueKind} in the expected output";
        }

        var expectedProperties = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var missing = expectedProperties.Keys.Except(actualProperties.Keys).ToList();
        var extra = actualProperties.Keys.Except(expectedProperties.Keys).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"{path}: missing keys [{string.Join(", ", missing)}], extra keys [{string.Join(", ", extra)}]";
        }

        return expectedProperties
            .Select(pair => FindMismatch(pair.Value, actualProperties[pair.Key], $"{path}.{pair.Key}"))
            .FirstOrDefault(message => message is not null);
    }

    private static bool IsLeaf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().Count() == 2
        && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String;

    private static string? CompareLeaf(JsonElement expected, JsonElement actual, string path)
    {
        var type = expected.GetProperty("type").GetString()!;
        var actualType = actual.GetProperty("type").GetString()!;
        var expectedValue = expected.GetProperty("value").GetString()!;
        var actualValue = actual.GetProperty("value").GetString()!;
        if (type != actualType)
        {
            return $"{path}: expected type {type}, got {actualType}";
        }

        var equal = type switch
        {
            "float" => FloatEquals(ParseFloat(expectedValue), ParseFloat(actualValue)),
            "integer" => long.Parse(expectedValue, CultureInfo.InvariantCulture) == long.Parse(actualValue, CultureInfo.InvariantCulture),
            "datetime" => ParseInstant(expectedValue) == ParseInstant(actualValue),
            "datetime-local" or "date-local" or "time-local" => NormalizeDateTime(expectedValue) == NormalizeDateTime(actualValue),
            _ => string.Equals(expectedValue, actualValue, StringComparison.Ordinal),
        };
        return equal ? null : $"{path}: expected {type} '{expectedValue}', got '{actualValue}'";
    }

    private static bool FloatEquals(double expected, double actual) =>
        (double.IsNaN(expected) && double.IsNaN(actual)) || expected.Equals(actual);

    private static double ParseFloat(string text) => text switch
    {
        "nan" or "+nan" or "-nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static long ParseInstant(string text) =>
        DateTimeOffset.Parse(NormalizeDateTime(text), CultureInfo.InvariantCulture, DateTimeStyles.None).UtcTicks;

    /// <summary>Uppercases the T/Z markers, accepts a space separator and drops trailing zeros of the fraction.</summary>
    private static string NormalizeDateTime(string text)
    {
        var builder = new StringBuilder(text.ToUpperInvariant());
        if (builder.Length > 10 && builder[10] == ' ')
        {
            builder[10] = 'T';
        }

        var normalized = builder.ToString();
        var dot = normalized.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return normalized;
        }

        var end = dot + 1;
        while (end < normalized.Length && char.IsAsciiDigit(normalized[end]))
        {
            end++;
        }

        var fraction = normalized[(dot + 1)..end].TrimEnd('0');
        return normalized[..dot] + (fraction.Length > 0 ? "." + fraction : string.Empty) + normalized[end..];
    }
}
