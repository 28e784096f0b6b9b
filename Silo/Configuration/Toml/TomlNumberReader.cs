using System.Globalization;
using System.Text;

namespace Acteon.Silo.Configuration.Toml;

/// <summary>Reads integers (decimal, hex, octal, binary) and floats, including inf and nan.</summary>
internal static class TomlNumberReader
{
    public static object Read(TomlCursor cursor)
    {
        var start = cursor.Position;
        while (IsTokenChar(cursor.Peek()))
        {
            cursor.Next();
        }

        var token = cursor.Slice(start, cursor.Position);
        if (token.Length == 0)
        {
            throw cursor.Error($"expected a value but found {cursor.Describe()}");
        }

        return Parse(token) ?? throw cursor.Error(start, $"invalid number '{token}'");
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '.';

    /// <summary>Returns a boxed long or double, or null when the token is not a valid TOML number.</summary>
    private static object? Parse(string token)
    {
        var index = 0;
        var sign = token[0] is '+' or '-' ? token[index++].ToString() : string.Empty;
        var body = token[index..];
        switch (body)
        {
            case "inf":
                return sign == "-" ? double.NegativeInfinity : double.PositiveInfinity;
            case "nan":
                return double.NaN;
        }

        if (body.Length > 1 && body[0] == '0' && body[1] is 'x' or 'o' or 'b')
        {
            return sign.Length == 0 ? ParseRadix(body[2..], body[1]) : null;
        }

        return ParseDecimal(token, index, sign);
    }

    private static long? ParseRadix(string digits, char prefix)
    {
        var radix = prefix switch { 'x' => 16, 'o' => 8, _ => 2 };
        var index = 0;
        var clean = ReadDigits(digits, ref index, c => IsRadixDigit(c, radix));
        if (clean is null || index != digits.Length)
        {
            return null;
        }

        ulong value = 0;
        foreach (var c in clean)
        {
            var digit = (ulong)Convert.ToInt32(c.ToString(), 16);
            if (value > (long.MaxValue - digit) / (ulong)radix)
            {
                return null;
            }

            value = (value * (ulong)radix) + digit;
        }

        return (long)value;
    }

    private static bool IsRadixDigit(char c, int radix) => radix switch
    {
        16 => char.IsAsciiHexDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    private static object? ParseDecimal(string token, int index, string sign)
    {
        var integer = ReadDigits(token, ref index, TomlCursor.IsDigit);
        if (integer is null || (integer.Length > 1 && integer[0] == '0'))
        {
            return null;
        }

        var normalized = new StringBuilder(sign).Append(integer);
        var isFloat = false;
        if (index < token.Length && token[index] == '.')
        {
            index++;
            var fraction = ReadDigits(token, ref index, TomlCursor.IsDigit);
            if (fraction is null)
            {
                return null;
            }

            normalized.Append('.').Append(fraction);
            isFloat = true;
        }

        if (index < token.Length && token[index] is 'e' or 'E')
        {
            index++;
            normalized.Append('e');
            if (index < token.Length && token[index] is '+' or '-')
            {
                normalized.Append(token[index++]);
            }

            var exponent = ReadDigits(token, ref index, TomlCursor.IsDigit);
            if (exponent is null)
            {
                return null;
            }

            normalized.Append(exponent);
            isFloat = true;
        }

        if (index != token.Length)
        {
            return null;
        }

        var text = normalized.ToString();
        if (isFloat)
        {
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsInfinity(value) ? null : value;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>Reads a digit run in which every underscore sits between two digits; returns it without underscores.</summary>
    private static string? ReadDigits(string token, ref int index, Func<char, bool> isDigit)
    {
        if (index >= token.Length || !isDigit(token[index]))
        {
            return null;
        }

        var builder = new StringBuilder();
        while (index < token.Length)
        {
            var c = token[index];
            if (isDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '_')
            {
                if (index + 1 >= token.Length || !isDigit(token[index + 1]))
                {
                    return null;
                }
            }
            else
            {
                break;
            }

            index++;
        }

        return builder.ToString();
    }
}
