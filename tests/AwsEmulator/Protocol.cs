namespace Acteon.AwsEmulator;

/// <summary>The wire protocols of the emulated services (from the service models' <c>metadata.protocol</c>).</summary>
public enum Protocol
{
    Query,
    Ec2,
    Json,
    RestJson,
}
