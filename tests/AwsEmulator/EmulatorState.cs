namespace Acteon.AwsEmulator;

/// <summary>Everything the emulated services hold. Guard reads and writes with <see cref="Sync"/>.</summary>
public sealed class EmulatorState
{
    public Lock Sync { get; } = new();

    public const string Account = "000000000000";

    /// <summary>Long-term credentials the emulator accepts (access key → secret).</summary>
    public Dictionary<string, string> Users { get; } = new(StringComparer.Ordinal) { ["AKIDEMULATOR"] = "emulator-secret" };

    public Dictionary<string, StsSession> Sessions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal) { "arn:aws:sns:us-east-1:000000000000:alerts" };

    public List<IReadOnlyDictionary<string, string>> Published { get; } = [];

    /// <summary>Queue name → messages (id, body) not yet received.</summary>
    public Dictionary<string, Queue<(string Id, string Body)>> Queues { get; } = new(StringComparer.Ordinal) { ["metrics"] = new() };

    public Dictionary<string, LambdaFunction> Functions { get; } = new(StringComparer.Ordinal)
    {
        ["anomaly-detector"] = new("anomaly-detector", """{"anomaly":true,"reason":"temperature_critical"}"""),
    };

    public HashSet<string> EventBuses { get; } = new(StringComparer.Ordinal) { "default", "application-events" };

    /// <summary>Event buses whose PutEvents entries fail (an entry-level failure, HTTP 200).</summary>
    public HashSet<string> FailingEventBuses { get; } = new(StringComparer.Ordinal);

    public List<IReadOnlyDictionary<string, string>> Events { get; } = [];

    public List<IReadOnlyDictionary<string, string>> Emails { get; } = [];

    public Dictionary<string, Ec2Instance> Instances { get; } = new(StringComparer.Ordinal)
    {
        ["i-0abc123def456789a"] = new("i-0abc123def456789a", "t3.micro", "stopped"),
        ["i-0def456abc789012b"] = new("i-0def456abc789012b", "t3.small", "running"),
    };

    /// <summary>Volume id → (instance, device) when attached.</summary>
    public Dictionary<string, (string Instance, string Device)?> Volumes { get; } = new(StringComparer.Ordinal) { ["vol-0abc123def456789a"] = null };

    public Dictionary<string, AutoScalingGroupState> Groups { get; } = new(StringComparer.Ordinal)
    {
        ["web-tier-asg"] = new("web-tier-asg", 2, 10, 4) { HealthCheckType = "ELB" },
        ["api-tier-asg"] = new("api-tier-asg", 1, 5, 2),
    };

    public int NextId { get; set; } = 1;
}
