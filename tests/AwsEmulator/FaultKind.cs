namespace Acteon.AwsEmulator;

/// <summary>A failure the emulator can answer the next matching request with, in the service's real error shape.</summary>
public enum FaultKind
{
    Throttling,
    Credentials,
    ServerError,
    InvalidRequest,
}
