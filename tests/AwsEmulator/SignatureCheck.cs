using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Acteon.AwsEmulator;

/// <summary>Verifies the SigV4 <c>Authorization</c> header of a request as AWS does, answering failures in the service's error shape.</summary>
internal static partial class SignatureCheck
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<ak>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request,\s*SignedHeaders=(?<sh>[^,]+),\s*Signature=(?<sig>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    public static AuthResult Verify(HttpRequest request, string rawTarget, byte[] body, EmulatorState state, TimeProvider time)
    {
        var header = request.Headers.Authorization.ToString();
        var match = AuthorizationHeader().Match(header);
        if (!match.Success)
        {
            return Fail("sts", 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }

        var service = match.Groups["service"].Value;
        var accessKey = match.Groups["ak"].Value;
        var token = request.Headers["X-Amz-Security-Token"].FirstOrDefault();
        string secret;
        lock (state.Sync)
        {
            if (state.Users.TryGetValue(accessKey, out var userSecret))
            {
                secret = userSecret;
            }
            else if (state.Sessions.TryGetValue(accessKey, out var session))
            {
                if (token != session.Token)
                {
                    return Fail(service, 403, Code(service, "InvalidClientTokenId"), "The security token included in the request is invalid.");
                }

                if (time.GetUtcNow() >= session.Expiration)
                {
                    return Fail(service, 403, Code(service, "ExpiredToken"), "The security token included in the request is expired");
                }

                secret = session.SecretKey;
            }
            else
            {
                return Fail(service, 403, Code(service, "InvalidClientTokenId"), "The security token included in the request is invalid.");
            }
        }

        var declared = request.Headers["X-Amz-Content-SHA256"].FirstOrDefault();
        var actual = AwsEmulator.Sha256Hex(body);
        if (declared is not null && declared != "UNSIGNED-PAYLOAD" && declared != actual)
        {
            return Fail(service, 400, Code(service, "SignatureDoesNotMatch"), "The provided x-amz-content-sha256 header does not match what was computed.");
        }

        var signedHeaders = match.Groups["sh"].Value.Split(';');
        if (!signedHeaders.Contains("host"))
        {
            return Fail(service, 403, Code(service, "SignatureDoesNotMatch"), "'Host' must be a signed header.");
        }

        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? "" : rawTarget[(question + 1)..];
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")));
        var canonical = SigV4.CanonicalRequest(request.Method, path, query, headers, signedHeaders, declared ?? actual, normalize: service != "s3");
        var amzDate = request.Headers["X-Amz-Date"].FirstOrDefault() ?? "";
        var date = match.Groups["date"].Value;
        var region = match.Groups["region"].Value;
        var stringToSign = SigV4.StringToSign(amzDate, $"{date}/{region}/{service}/aws4_request", canonical);
        var expected = SigV4.Signature(secret, date, region, service, stringToSign);
        if (!string.Equals(expected, match.Groups["sig"].Value, StringComparison.Ordinal))
        {
            return Fail(service, 403, Code(service, "SignatureDoesNotMatch"),
                $"The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{stringToSign}'");
        }

        return new AuthResult(service, accessKey, token, null, region);
    }

    /// <summary>JSON and REST-JSON services name the same failures differently from the query services.</summary>
    private static string Code(string service, string queryCode) => (Wire.ProtocolOf(service), queryCode) switch
    {
        (Protocol.Json or Protocol.RestJson, "InvalidClientTokenId") => "UnrecognizedClientException",
        (Protocol.Json or Protocol.RestJson, "SignatureDoesNotMatch") => "InvalidSignatureException",
        (Protocol.Json or Protocol.RestJson, "ExpiredToken") => "ExpiredTokenException",
        (Protocol.Ec2, "InvalidClientTokenId" or "SignatureDoesNotMatch") => "AuthFailure",
        (Protocol.Ec2, "ExpiredToken") => "RequestExpired",
        _ => queryCode,
    };

    private static AuthResult Fail(string service, int status, string code, string message) =>
        new(service, "", null, Wire.Error(Wire.Namespaces.ContainsKey(service) || Wire.ProtocolOf(service) != Protocol.Query ? service : "sts", status, code, message));
}
