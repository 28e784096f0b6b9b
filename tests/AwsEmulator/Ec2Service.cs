using System.Globalization;
using System.Xml.Linq;

namespace Acteon.AwsEmulator;

/// <summary>EC2 over the EC2 query protocol: instance lifecycle with changing states, volumes, DescribeInstances (DryRun too).</summary>
internal static class Ec2Service
{
    public static Reply Handle(EmulatorState state, string action, IReadOnlyDictionary<string, string> p)
    {
        foreach (var instance in state.Instances.Values)
        {
            instance.Settle();
        }

        if (p.GetValueOrDefault("DryRun") == "true")
        {
            return Wire.Error("ec2", 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
        }

        var ids = p.Where(kv => kv.Key.StartsWith("InstanceId.", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
        var unknown = ids.FirstOrDefault(id => !state.Instances.ContainsKey(id));
        if (unknown is not null)
        {
            return Wire.Error("ec2", 400, "InvalidInstanceID.NotFound", $"The instance ID '{unknown}' does not exist");
        }

        return action switch
        {
            "StartInstances" => Change(state, action, ids, s => s is "stopped" ? "pending" : s),
            "StopInstances" => Change(state, action, ids, s => s is "running" or "pending" ? "stopping" : s),
            "TerminateInstances" => Change(state, action, ids, s => s is "terminated" ? s : "shutting-down"),
            "RebootInstances" => Wire.Ec2(action, new XElement("return", true)),
            "RunInstances" => Run(state, p),
            "AttachVolume" => Attach(state, p),
            "DetachVolume" => Detach(state, p),
            "DescribeInstances" => Describe(state, ids),
            _ => Wire.Error("ec2", 400, "InvalidAction", $"The action {action} is not valid for this web service."),
        };
    }

    private static Reply Change(EmulatorState state, string action, List<string> ids, Func<string, string> next)
    {
        if (ids.Count == 0)
        {
            return Wire.Error("ec2", 400, "MissingParameter", "The request must contain the parameter InstanceId");
        }

        var items = new List<XElement>();
        foreach (var id in ids)
        {
            var instance = state.Instances[id];
            var previous = instance.State;
            instance.State = next(previous);
            items.Add(new XElement("item", new XElement("instanceId", id), StateElement("currentState", instance.State), StateElement("previousState", previous)));
        }

        return Wire.Ec2(action, new XElement("instancesSet", items));
    }

    private static Reply Run(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("ImageId", out var image) || !p.TryGetValue("InstanceType", out var type))
        {
            return Wire.Error("ec2", 400, "MissingParameter", "The request must contain the parameters ImageId and InstanceType");
        }

        var count = int.Parse(p.GetValueOrDefault("MaxCount", "1"), CultureInfo.InvariantCulture);
        var tags = p.Where(kv => kv.Key.StartsWith("TagSpecification.1.Tag.", StringComparison.Ordinal) && kv.Key.EndsWith(".Key", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Value, kv => p[kv.Key[..^4] + ".Value"]);
        var reservation = string.Create(CultureInfo.InvariantCulture, $"r-{state.NextId++:x17}");
        var items = new List<XElement>();
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"i-{state.NextId++:x17}");
            var instance = new Ec2Instance(id, type, "pending") { ImageId = image, Tags = tags };
            state.Instances[id] = instance;
            items.Add(InstanceElement(instance));
        }

        return Wire.Ec2("RunInstances",
            new XElement("reservationId", reservation), new XElement("ownerId", EmulatorState.Account), new XElement("groupSet"), new XElement("instancesSet", items));
    }

    private static Reply Attach(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        var volume = p.GetValueOrDefault("VolumeId", "");
        if (!state.Volumes.TryGetValue(volume, out var attachment))
        {
            return Wire.Error("ec2", 400, "InvalidVolume.NotFound", $"The volume '{volume}' does not exist.");
        }

        if (attachment is not null)
        {
            return Wire.Error("ec2", 400, "VolumeInUse", $"{volume} is already attached to an instance");
        }

        state.Volumes[volume] = (p["InstanceId"], p["Device"]);
        return Wire.Ec2("AttachVolume", new XElement("volumeId", volume), new XElement("instanceId", p["InstanceId"]),
            new XElement("device", p["Device"]), new XElement("status", "attaching"), new XElement("attachTime", "2026-01-01T00:00:00.000Z"));
    }

    private static Reply Detach(EmulatorState state, IReadOnlyDictionary<string, string> p)
    {
        var volume = p.GetValueOrDefault("VolumeId", "");
        if (!state.Volumes.TryGetValue(volume, out var attachment) || attachment is null)
        {
            return Wire.Error("ec2", 400, "IncorrectState", $"Volume '{volume}' is in the 'available' state.");
        }

        state.Volumes[volume] = null;
        return Wire.Ec2("DetachVolume", new XElement("volumeId", volume), new XElement("instanceId", attachment.Value.Instance),
            new XElement("device", attachment.Value.Device), new XElement("status", "detaching"), new XElement("attachTime", "2026-01-01T00:00:00.000Z"));
    }

    private static Reply Describe(EmulatorState state, List<string> ids)
    {
        var instances = state.Instances.Values.Where(i => ids.Count == 0 || ids.Contains(i.Id)).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var reservations = instances.Select(i => new XElement("item",
            new XElement("reservationId", "r-" + i.Id[2..]), new XElement("ownerId", EmulatorState.Account), new XElement("groupSet"),
            new XElement("instancesSet", InstanceElement(i))));
        return Wire.Ec2("DescribeInstances", new XElement("reservationSet", reservations));
    }

    private static XElement InstanceElement(Ec2Instance i) => new("item",
        new XElement("instanceId", i.Id), new XElement("imageId", i.ImageId), StateElement("instanceState", i.State),
        new XElement("privateIpAddress", i.PrivateIp), new XElement("ipAddress", i.PublicIp), new XElement("instanceType", i.InstanceType),
        new XElement("launchTime", "2026-01-01T00:00:00.000Z"),
        new XElement("tagSet", i.Tags.Select(t => new XElement("item", new XElement("key", t.Key), new XElement("value", t.Value)))));

    private static XElement StateElement(string name, string state) =>
        new(name, new XElement("code", Ec2Instance.Code(state)), new XElement("name", state));
}
