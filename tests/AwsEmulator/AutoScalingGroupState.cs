namespace Acteon.AwsEmulator;

/// <summary>An emulated Auto Scaling group.</summary>
public sealed class AutoScalingGroupState(string name, int min, int max, int desired)
{
    public string Name => name;
    public int MinSize { get; set; } = min;
    public int MaxSize { get; set; } = max;
    public int DesiredCapacity { get; set; } = desired;
    public int DefaultCooldown { get; set; } = 300;
    public string HealthCheckType { get; set; } = "EC2";
    public int HealthCheckGracePeriod { get; set; }
}
