using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Acteon.AwsEmulator;

/// <summary>
/// SigV4 written from the specification, independent of the SDK: canonical request, string to sign and
/// signature. The emulator verifies every request with it; the signing suite checks it.
/// </summary>
public static class SigV4
{
    public static string CanonicalRequest(
        string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers, IReadOnlyList<string> signedHeaders, string payloadHash, bool normalize)
    {
        var byName = headers.GroupBy(h => h.Key.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => Trim(h.Value))), StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(method).Append('\n');
        text.Append(CanonicalPath(path, normalize)).Append('\n');
        text.Append(CanonicalQuery(query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            text.Append(name).Append(':').Append(byName.GetValueOrDefault(name, "")).Append('\n');
        }

        text.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return text.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static string Signature(string secretKey, string date, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string CanonicalPath(string path, bool normalize)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        if (normalize)
        {
            var output = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment is "" or ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (output.Count > 0)
                    {
                        output.RemoveAt(output.Count - 1);
                    }

                    continue;
                }

                output.Add(segment);
            }

            var joined = "/" + string.Join('/', output);
            path = output.Count > 0 && path.EndsWith('/') ? joined + "/" : joined;
        }

        return string.Join('/', path.Split('/').Select(Encode));
    }

    public static string CanonicalQuery(string query)
    {
        if (query.StartsWith('?'))
        {
            query = query[1..];
        }

        if (query.Length == 0)
        {
            return "";
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = eq < 0 ? pair : pair[..eq];
                var value = eq < 0 ? "" : pair[(eq + 1)..];
                return (Key: Encode(Uri.UnescapeDataString(key)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>RFC 3986 percent-encoding of everything but the unreserved characters.</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string Trim(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
