namespace Acteon.AwsEmulator;

/// <summary>
/// A request that passed signature verification: service (signing name), operation, parameters flattened to
/// dotted keys (query fields as sent; JSON as <c>Entries.0.Source</c>; REST path and header parameters by model name),
/// and the region of its signature's credential scope.
/// </summary>
public sealed record RecordedRequest(
    string Service, string Operation, IReadOnlyDictionary<string, string> Parameters, string Body, string AccessKey, string? SessionToken, string Region)
{
    public string this[string key] => Parameters.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"{Operation} has no parameter '{key}'");
}
