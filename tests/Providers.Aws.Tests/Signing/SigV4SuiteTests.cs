using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Acteon.AwsEmulator;
using Amazon.Runtime.Internal.Auth;

namespace Acteon.Providers.Aws.Tests.Signing;

/// <summary>
/// The aws-c-auth SigV4 suite (../shared/testdata/aws-sigv4), header-signing variant: the canonical request and
/// string to sign of the emulator's verifier, and the signature of AWSSDK.Core's <see cref="AWS4Signer"/>, must
/// equal the expected files.
/// </summary>
public sealed class SigV4SuiteTests
{
    private static readonly string Suite = Path.Combine(TestPaths.Shared, "testdata", "aws-sigv4");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Suite).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_canonical_request_string_to_sign_and_signature(string name)
    {
        var dir = Path.Combine(Suite, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
        var c = context.RootElement;
        var credentials = c.GetProperty("credentials");
        var accessKey = credentials.GetProperty("access_key_id").GetString()!;
        var secret = credentials.GetProperty("secret_access_key").GetString()!;
        var region = c.GetProperty("region").GetString()!;
        var service = c.GetProperty("service").GetString()!;
        var signedAt = DateTime.Parse(c.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        var (method, target, headers, body) = ParseRequest(File.ReadAllText(Path.Combine(dir, "request.txt")));
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        headers.Add(new("X-Amz-Date", amzDate));
        if (c.GetProperty("sign_body").GetBoolean())
        {
            headers.Add(new("x-amz-content-sha256", bodyHash));
        }

        if (credentials.TryGetProperty("token", out var token))
        {
            headers.Add(new("X-Amz-Security-Token", token.GetString()!));
        }

        var expectedCanonical = File.ReadAllText(Path.Combine(dir, "header-canonical-request.txt"));
        var signedHeaders = expectedCanonical.Split('\n')[^2].Split(';');
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var canonical = SigV4.CanonicalRequest(
            method, question < 0 ? target : target[..question], question < 0 ? "" : target[(question + 1)..], headers, signedHeaders, bodyHash,
            c.GetProperty("normalize").GetBoolean());
        Assert.Equal(expectedCanonical, canonical);

        var scope = $"{signedAt:yyyyMMdd}/{region}/{service}/aws4_request";
        var stringToSign = SigV4.StringToSign(amzDate, scope, canonical);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "header-string-to-sign.txt")), stringToSign);

        var expectedSignature = File.ReadAllText(Path.Combine(dir, "header-signature.txt")).Trim();
        var sdk = AWS4Signer.ComputeSignature(accessKey, secret, region, signedAt, service, string.Join(';', signedHeaders), canonical);
        Assert.Equal(expectedSignature, sdk.Signature);
        Assert.Equal(expectedSignature, SigV4.Signature(secret, signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture), region, service, stringToSign));
    }

    /// <summary>Reads the raw HTTP request of a case; indented lines continue the previous header.</summary>
    private static (string Method, string Target, List<KeyValuePair<string, string>> Headers, byte[] Body) ParseRequest(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var first = lines[0];
        var method = first[..first.IndexOf(' ', StringComparison.Ordinal)];
        var target = first[(method.Length + 1)..first.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var headers = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (char.IsWhiteSpace(lines[i][0]))
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + lines[i].Trim());
                continue;
            }

            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[i][..colon], lines[i][(colon + 1)..]));
        }

        var body = i < lines.Length ? string.Join('\n', lines[(i + 1)..]) : "";
        return (method, target, headers, Encoding.UTF8.GetBytes(body));
    }
}
