namespace Acteon.AwsEmulator;

/// <summary>Temporary credentials issued by the emulated AssumeRole.</summary>
public sealed record StsSession(
    string AccessKey, string SecretKey, string Token, string RoleArn, string SessionName, string? ExternalId, DateTimeOffset Expiration);
