namespace Acteon.AwsEmulator;

/// <summary>An emulated instance. Transitional states (pending, stopping, shutting-down) settle on the next EC2 call.</summary>
public sealed class Ec2Instance(string id, string instanceType, string state)
{
    public string Id => id;
    public string InstanceType => instanceType;
    public string State { get; set; } = state;
    public string ImageId { get; set; } = "ami-00000000";
    public string PublicIp { get; set; } = "54.0.0.1";
    public string PrivateIp { get; set; } = "10.0.0.1";
    public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

    public static int Code(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        _ => 80,
    };

    public void Settle() => State = State switch
    {
        "pending" => "running",
        "stopping" => "stopped",
        "shutting-down" => "terminated",
        _ => State,
    };
}
