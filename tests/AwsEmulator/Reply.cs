using System.Text;

namespace Acteon.AwsEmulator;

/// <summary>An HTTP answer as the service would send it.</summary>
public sealed record Reply(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Reply Text(int status, string contentType, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, contentType, Encoding.UTF8.GetBytes(body), headers);
}
