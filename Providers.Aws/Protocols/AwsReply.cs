namespace Acteon.Providers.Aws.Protocols;

/// <summary>A 2xx answer from AWS: status, response headers (lower-case names) and body.</summary>
internal sealed record AwsReply(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
