using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// Checks every string and property name of a JSON value: text that is not valid Unicode (a lone or swapped surrogate
/// escape, invalid UTF-8 bytes) or that holds NUL (U+0000), and numbers beyond the range of a 64-bit float, are
/// errors naming their JSON path. No store, provider or serializer downstream then meets text it cannot handle.
/// </summary>
public static class JsonText
{
    private const int MaxErrors = 10;
    private const string InvalidUtf8 = "is not valid UTF-8";
    private const string InvalidUnicode = "is not valid Unicode (a lone or swapped surrogate escape such as \\ud800, or invalid UTF-8)";
    private const string Nul = "must not contain NUL (U+0000)";

    /// <summary>Adds an error per bad value under <paramref name="path"/> (at most ten); returns false when there was one.</summary>
    public static bool Check(JsonElement element, string path, List<FieldError> errors)
    {
        if (IsValid(element))
        {
            return true;
        }

        Report(element, path, errors);
        return false;
    }

    /// <summary>The fast pass: no allocation unless a string holds an escape.</summary>
    private static bool IsValid(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValidName(property) || !IsValid(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!IsValid(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                return StringProblem(element) is null;
            case JsonValueKind.Number:
                return NumberProblem(element) is null;
            default:
                return true;
        }
    }

    private static bool IsValidName(JsonProperty property) =>
        NameProblem(property) is null;

    private static void Report(JsonElement element, string path, List<FieldError> errors)
    {
        if (errors.Count >= MaxErrors)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NameProblem(property) is { } nameProblem)
                    {
                        errors.Add(new FieldError(path, $"has a property name that {nameProblem}"));
                    }
                    else
                    {
                        Report(property.Value, $"{path}.{property.Name}", errors);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Report(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), errors);
                }

                break;
            case JsonValueKind.String when StringProblem(element) is { } problem:
                errors.Add(new FieldError(path, problem));
                break;
            case JsonValueKind.Number when NumberProblem(element) is { } problem:
                errors.Add(new FieldError(path, problem));
                break;
        }
    }

    /// <summary>Null when the string is valid Unicode without NUL; else what is wrong with it.</summary>
    private static string? StringProblem(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Utf8.IsValid(raw) ? null : InvalidUtf8;
        }

        try
        {
            return element.GetString()!.Contains('\0') ? Nul : null;
        }
        catch (InvalidOperationException)
        {
            return InvalidUnicode;
        }
    }

    private static string? NameProblem(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Utf8.IsValid(raw) ? null : InvalidUtf8;
        }

        try
        {
            return property.Name.Contains('\0') ? Nul : null;
        }
        catch (InvalidOperationException)
        {
            return InvalidUnicode;
        }
    }

    private static string? NumberProblem(JsonElement element) =>
        element.TryGetDouble(out var value) && double.IsFinite(value) ? null : "is a number out of range (beyond a 64-bit float)";
}
