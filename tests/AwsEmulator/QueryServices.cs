using System.Globalization;
using System.Xml.Linq;

namespace Acteon.AwsEmulator;

/// <summary>SNS, STS and Auto Scaling over the query protocol.</summary>
internal static class QueryServices
{
    public static Reply Handle(EmulatorState state, TimeProvider time, string service, string action, IReadOnlyDictionary<string, string> p) =>
        (service, action) switch
        {
            ("sns", "Publish") => Publish(state, p),
            ("sns", "ListTopics") => Wire.Query("sns", action, new XElement("Topics", state.Topics.Order().Select(t => new XElement("member", new XElement("TopicArn", t))))),
            ("sns", "CreateTopic") => CreateTopic(state, p),
            ("sts", "AssumeRole") => AssumeRole(state, time, p),
            ("sts", "GetCallerIdentity") => Wire.Query("sts", action,
                new XElement("Arn", $"arn:aws:iam::{EmulatorState.Account}:user/emulator"), new XElement("UserId", "AIDAEMULATOR"), new XElement("Account", EmulatorState.Account)),
            ("autoscaling", "DescribeAutoScalingGroups") => DescribeGroups(state, p),
            ("autoscaling", "SetDesiredCapacity") => SetDesired(state, p),
            ("autoscaling", "UpdateAutoScalingGroup") => UpdateGroup(state, p),
            _ => Wire.Error(service, 400, "InvalidAction", $"The action {action} is not valid for this endpoint."),
        };

    private static Reply Publish(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("Message", out _))
        {
            return Wire.Error("sns", 400, "ValidationError", "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null");
        }

        var topic = p.GetValueOrDefault("TopicArn") ?? p.GetValueOrDefault("TargetArn") ?? "";
        if (!state.Topics.Contains(topic))
        {
            return Wire.Error("sns", 404, "NotFound", "Topic does not exist");
        }

        var id = Guid.NewGuid().ToString();
        state.Published.Add(new Dictionary<string, string>(p) { ["MessageId"] = id });
        return Wire.Query("sns", "Publish", new XElement("MessageId", id));
    }

    private static Reply CreateTopic(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        var arn = $"arn:aws:sns:us-east-1:{EmulatorState.Account}:{p.GetValueOrDefault("Name")}";
        state.Topics.Add(arn);
        return Wire.Query("sns", "CreateTopic", new XElement("TopicArn", arn));
    }

    private static Reply AssumeRole(EmulatorState state, TimeProvider time, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("RoleArn", out var role) || !p.TryGetValue("RoleSessionName", out var name))
        {
            return Wire.Error("sts", 400, "ValidationError", "RoleArn and RoleSessionName are required");
        }

        if (role.EndsWith("/denied", StringComparison.Ordinal))
        {
            return Wire.Error("sts", 403, "AccessDenied", $"User is not authorized to perform: sts:AssumeRole on resource: {role}");
        }

        var duration = int.Parse(p.GetValueOrDefault("DurationSeconds", "3600"), CultureInfo.InvariantCulture);
        var n = state.NextId++;
        var session = new StsSession(
            string.Create(CultureInfo.InvariantCulture, $"ASIAEMULATOR{n:D8}"), $"session-secret-{n}", $"session-token-{n}-{Guid.NewGuid():N}",
            role, name, p.GetValueOrDefault("ExternalId"), time.GetUtcNow().AddSeconds(duration));
        state.Sessions[session.AccessKey] = session;
        var expiration = session.Expiration.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return Wire.Query("sts", "AssumeRole",
            new XElement("Credentials",
                new XElement("AccessKeyId", session.AccessKey), new XElement("SecretAccessKey", session.SecretKey),
                new XElement("SessionToken", session.Token), new XElement("Expiration", expiration)),
            new XElement("AssumedRoleUser",
                new XElement("AssumedRoleId", $"AROAEMULATOR:{name}"),
                new XElement("Arn", $"arn:aws:sts::{EmulatorState.Account}:assumed-role/{role.Split('/')[^1]}/{name}")));
    }

    private static Reply DescribeGroups(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        var names = p.Where(kv => kv.Key.StartsWith("AutoScalingGroupNames.member.", StringComparison.Ordinal)).Select(kv => kv.Value).ToHashSet();
        var groups = state.Groups.Values.Where(g => names.Count == 0 || names.Contains(g.Name)).OrderBy(g => g.Name, StringComparer.Ordinal);
        if (p.TryGetValue("MaxRecords", out var max))
        {
            groups = groups.Take(int.Parse(max, CultureInfo.InvariantCulture)).OrderBy(g => g.Name, StringComparer.Ordinal);
        }

        return Wire.Query("autoscaling", "DescribeAutoScalingGroups", new XElement("AutoScalingGroups", groups.Select(g => new XElement("member",
            new XElement("AutoScalingGroupName", g.Name),
            new XElement("AutoScalingGroupARN", $"arn:aws:autoscaling:us-east-1:{EmulatorState.Account}:autoScalingGroup:1:autoScalingGroupName/{g.Name}"),
            new XElement("MinSize", g.MinSize), new XElement("MaxSize", g.MaxSize), new XElement("DesiredCapacity", g.DesiredCapacity),
            new XElement("DefaultCooldown", g.DefaultCooldown), new XElement("AvailabilityZones", new XElement("member", "us-east-1a")),
            new XElement("HealthCheckType", g.HealthCheckType), new XElement("HealthCheckGracePeriod", g.HealthCheckGracePeriod),
            new XElement("CreatedTime", "2026-01-01T00:00:00Z"),
            new XElement("Instances", Enumerable.Range(0, g.DesiredCapacity).Select(i => new XElement("member",
                new XElement("InstanceId", string.Create(CultureInfo.InvariantCulture, $"i-{g.Name.Length:x4}{i:D4}")),
                new XElement("AvailabilityZone", "us-east-1a"), new XElement("LifecycleState", "InService"),
                new XElement("HealthStatus", "Healthy"), new XElement("ProtectedFromScaleIn", false))))))));
    }

    private static Reply SetDesired(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        if (!state.Groups.TryGetValue(p.GetValueOrDefault("AutoScalingGroupName", ""), out var group))
        {
            return Wire.Error("autoscaling", 400, "ValidationError", "AutoScalingGroup name not found");
        }

        var desired = int.Parse(p["DesiredCapacity"], CultureInfo.InvariantCulture);
        if (desired < group.MinSize || desired > group.MaxSize)
        {
            return Wire.Error("autoscaling", 400, "ValidationError",
                string.Create(CultureInfo.InvariantCulture, $"New SetDesiredCapacity value {desired} is outside of [{group.MinSize}, {group.MaxSize}]"));
        }

        group.DesiredCapacity = desired;
        return Wire.Query("autoscaling", "SetDesiredCapacity");
    }

    private static Reply UpdateGroup(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        if (!state.Groups.TryGetValue(p.GetValueOrDefault("AutoScalingGroupName", ""), out var group))
        {
            return Wire.Error("autoscaling", 400, "ValidationError", "AutoScalingGroup name not found");
        }

        int? Int(string key) => p.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        group.MinSize = Int("MinSize") ?? group.MinSize;
        group.MaxSize = Int("MaxSize") ?? group.MaxSize;
        group.DesiredCapacity = Int("DesiredCapacity") ?? group.DesiredCapacity;
        group.DefaultCooldown = Int("DefaultCooldown") ?? group.DefaultCooldown;
        group.HealthCheckGracePeriod = Int("HealthCheckGracePeriod") ?? group.HealthCheckGracePeriod;
        group.HealthCheckType = p.GetValueOrDefault("HealthCheckType") ?? group.HealthCheckType;
        return Wire.Query("autoscaling", "UpdateAutoScalingGroup");
    }
}
