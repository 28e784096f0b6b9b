using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// Checks every string and property name of a JSON value: text that is not valid Unicode (a lone or swapped surrogate
/// escape, invalid UTF-8 bytes) or that holds NUL (U+0000), a property name used twice in one object, and numbers
/// beyond the range of a 64-bit float, are errors naming their JSON path, in document order. No store, provider or
/// serializer downstream then meets text it cannot handle, nor a member whose value depends on which copy wins.
/// </summary>
public static class JsonText
{
    private const int MaxErrors = 10;

    /// <summary>Objects up to this many properties are checked for duplicate names pair by pair, without allocating.</summary>
    private const int SmallObject = 16;

    private const string InvalidUtf8 = "is not valid UTF-8";
    private const string InvalidUnicode = "is not valid Unicode (a lone or swapped surrogate escape such as \\ud800, or invalid UTF-8)";
    private const string Nul = "must not contain NUL (U+0000)";

    /// <summary>Adds an error per bad value under <paramref name="path"/> (at most ten); returns false when there was one.</summary>
    /// <remarks><paramref name="except"/>: a member of <paramref name="element"/> (an object) whose value the caller checks part by part (a batch's actions).</remarks>
    public static bool Check(JsonElement element, string path, List<FieldError> errors, string? except = null)
    {
        if (IsValid(element, except))
        {
            return true;
        }

        Report(element, path, errors, except);
        return false;
    }

    /// <summary>The fast pass: no allocation unless a string holds an escape or an object has many properties.</summary>
    private static bool IsValid(JsonElement element, string? except = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValidName(property) || (!IsExcepted(property, except) && !IsValid(property.Value)))
                    {
                        return false;
                    }
                }

                // Every name is valid Unicode by now.
                return !HasDuplicateName(element);
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

    private static bool IsExcepted(JsonProperty property, string? except) =>
        except is not null && property.NameEquals(except);

    private static bool HasDuplicateName(JsonElement element)
    {
        var count = element.GetPropertyCount();
        if (count < 2)
        {
            return false;
        }

        if (count > SmallObject)
        {
            var seen = new HashSet<string>(count, StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    return true;
                }
            }

            return false;
        }

        var later = 0;
        foreach (var property in element.EnumerateObject())
        {
            var earlier = 0;
            foreach (var before in element.EnumerateObject())
            {
                if (earlier++ == later)
                {
                    break;
                }

                if (SameName(before, property))
                {
                    return true;
                }
            }

            later++;
        }

        return false;
    }

    /// <summary>Whether two valid names are the same text (an escape may spell a character the other writes plainly).</summary>
    private static bool SameName(JsonProperty a, JsonProperty b)
    {
        var rawA = JsonMarshal.GetRawUtf8PropertyName(a);
        return rawA.IndexOf((byte)'\\') < 0 ? b.NameEquals(rawA) : b.NameEquals(a.Name);
    }

    private static void Report(JsonElement element, string path, List<FieldError> errors, string? except = null)
    {
        if (errors.Count >= MaxErrors)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (NameProblem(property) is { } nameProblem)
                    {
                        errors.Add(new FieldError(path, $"has a property name that {nameProblem}"));
                    }
                    else if (!seen.Add(property.Name))
                    {
                        errors.Add(new FieldError(path, $"has the property '{property.Name}' more than once"));
                    }
                    else if (!IsExcepted(property, except))
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
