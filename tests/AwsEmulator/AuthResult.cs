namespace Acteon.AwsEmulator;

/// <summary>The outcome of checking a request's signature: who signed it for which service and region, or the error to answer.</summary>
internal sealed record AuthResult(string Service, string AccessKey, string? SessionToken, Reply? Error, string Region = "");
