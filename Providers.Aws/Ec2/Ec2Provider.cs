using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.Ec2;

/// <summary><c>aws-ec2</c>: instance lifecycle and EBS volumes (EC2 query protocol, API 2016-11-15).</summary>
internal sealed class Ec2Provider(string name, AwsServiceClient ec2, Ec2Defaults defaults, AwsClientFactory clients)
    : AwsProvider(name, "aws-ec2", "ec2", clients)
{
    private const string Version = "2016-11-15";

    protected override IReadOnlyList<string> ActionTypes { get; } =
    [
        "start_instances", "stop_instances", "reboot_instances", "terminate_instances", "hibernate_instances",
        "run_instances", "attach_volume", "detach_volume", "describe_instances",
    ];

    protected override Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken) => actionType switch
    {
        "start_instances" => StateChangeAsync("StartInstances", actionType, payload, null, cancellationToken),
        "stop_instances" => StopAsync(actionType, payload, payload.Bool("hibernate") ?? false, cancellationToken),
        "hibernate_instances" => StopAsync("stop_instances", payload, true, cancellationToken),
        "terminate_instances" => StateChangeAsync("TerminateInstances", actionType, payload, null, cancellationToken),
        "reboot_instances" => RebootAsync(payload, cancellationToken),
        "run_instances" => RunAsync(payload, cancellationToken),
        "attach_volume" => VolumeAsync("AttachVolume", actionType, payload, cancellationToken),
        "detach_volume" => VolumeAsync("DetachVolume", actionType, payload, cancellationToken),
        _ => DescribeAsync(payload, cancellationToken),
    };

    /// <summary>DescribeInstances with DryRun: the <c>DryRunOperation</c> error means the call would have been allowed.</summary>
    protected override async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ec2.SendQueryAsync(new QueryForm("DescribeInstances", Version).Add("DryRun", true), cancellationToken);
        }
        catch (AwsCallException error) when (error.Error.Message.Contains("DryRunOperation", StringComparison.Ordinal))
        {
            // Healthy: the request was valid and permitted.
        }
    }

    private Task<JsonObject> StopAsync(string action, Payload payload, bool hibernate, CancellationToken cancellationToken)
    {
        var force = payload.Bool("force");
        return StateChangeAsync("StopInstances", action, payload, form =>
        {
            if (hibernate)
            {
                form.Add("Hibernate", true);
            }

            form.AddIfPresent("Force", force);
        }, cancellationToken, hibernate);
    }

    private async Task<JsonObject> StateChangeAsync(
        string operation, string action, Payload payload, Action<QueryForm>? extra, CancellationToken cancellationToken, bool? hibernate = null)
    {
        var ids = payload.RequireStringList("instance_ids");
        var form = new QueryForm(operation, Version).AddList("InstanceId", ids);
        extra?.Invoke(form);
        var xml = await ec2.SendQueryAsync(form, cancellationToken);
        var changes = new JsonArray();
        foreach (var item in xml.Items("instancesSet"))
        {
            changes.Add(new JsonObject
            {
                ["instance_id"] = item.Text("instanceId"),
                ["previous_state"] = item.Path("previousState/name"),
                ["current_state"] = item.Path("currentState/name"),
            });
        }

        var result = new JsonObject { ["action"] = action };
        if (hibernate is { } h)
        {
            result["hibernate"] = h;
        }

        result["instance_state_changes"] = changes;
        return result;
    }

    private async Task<JsonObject> RebootAsync(Payload payload, CancellationToken cancellationToken)
    {
        var ids = payload.RequireStringList("instance_ids");
        await ec2.SendQueryAsync(new QueryForm("RebootInstances", Version).AddList("InstanceId", ids), cancellationToken);
        return new JsonObject { ["action"] = "reboot_instances", ["instance_ids"] = AwsJson.StringArray(ids), ["status"] = "rebooting" };
    }

    private async Task<JsonObject> RunAsync(Payload payload, CancellationToken cancellationToken)
    {
        var form = new QueryForm("RunInstances", Version)
            .Add("ImageId", payload.RequireString("image_id"))
            .Add("InstanceType", payload.RequireString("instance_type"))
            .Add("MinCount", payload.Integer("min_count") ?? 1)
            .Add("MaxCount", payload.Integer("max_count") ?? 1)
            .AddIfPresent("KeyName", payload.String("key_name") ?? defaults.KeyName)
            .AddIfPresent("SubnetId", payload.String("subnet_id") ?? defaults.SubnetId)
            .AddIfPresent("UserData", payload.String("user_data"));
        var groups = payload.StringList("security_group_ids");
        form.AddList("SecurityGroupId", groups.Count > 0 ? groups : defaults.SecurityGroupIds);
        if (payload.String("iam_instance_profile") is { } profile)
        {
            form.Add(profile.StartsWith("arn:", StringComparison.Ordinal) ? "IamInstanceProfile.Arn" : "IamInstanceProfile.Name", profile);
        }

        var tags = payload.StringMap("tags");
        if (tags.Count > 0)
        {
            form.Add("TagSpecification.1.ResourceType", "instance");
            for (var i = 0; i < tags.Count; i++)
            {
                form.Add($"TagSpecification.1.Tag.{i + 1}.Key", tags[i].Key).Add($"TagSpecification.1.Tag.{i + 1}.Value", tags[i].Value);
            }
        }

        var xml = await ec2.SendQueryAsync(form, cancellationToken);
        var instances = new JsonArray();
        foreach (var item in xml.Items("instancesSet"))
        {
            instances.Add(new JsonObject
            {
                ["instance_id"] = item.Text("instanceId"),
                ["instance_type"] = item.Text("instanceType"),
                ["state"] = item.Path("instanceState/name"),
            });
        }

        return new JsonObject { ["action"] = "run_instances", ["reservation_id"] = xml.Text("reservationId"), ["instances"] = instances };
    }

    private async Task<JsonObject> VolumeAsync(string operation, string action, Payload payload, CancellationToken cancellationToken)
    {
        var attach = operation == "AttachVolume";
        var volume = payload.RequireString("volume_id");
        var instance = attach ? payload.RequireString("instance_id") : payload.String("instance_id");
        var device = attach ? payload.RequireString("device") : payload.String("device");
        var form = new QueryForm(operation, Version).Add("VolumeId", volume).AddIfPresent("InstanceId", instance).AddIfPresent("Device", device);
        if (!attach)
        {
            form.AddIfPresent("Force", payload.Bool("force"));
        }

        var xml = await ec2.SendQueryAsync(form, cancellationToken);
        var result = new JsonObject
        {
            ["action"] = action,
            ["volume_id"] = xml.Text("volumeId") ?? volume,
            ["instance_id"] = xml.Text("instanceId") ?? instance,
        };
        if (attach)
        {
            result["device"] = xml.Text("device") ?? device;
        }

        result["state"] = xml.Text("status") ?? throw new AwsCallException(ProviderError.ExecutionFailed($"{operation} answer has no status"));
        return result;
    }

    private async Task<JsonObject> DescribeAsync(Payload payload, CancellationToken cancellationToken)
    {
        var form = new QueryForm("DescribeInstances", Version).AddList("InstanceId", payload.StringList("instance_ids"));
        var xml = await ec2.SendQueryAsync(form, cancellationToken);
        var instances = new JsonArray();
        foreach (var reservation in xml.Items("reservationSet"))
        {
            foreach (var item in reservation.Items("instancesSet"))
            {
                instances.Add(new JsonObject
                {
                    ["instance_id"] = item.Text("instanceId"),
                    ["instance_type"] = item.Text("instanceType"),
                    ["state"] = item.Path("instanceState/name"),
                    ["public_ip"] = item.Text("ipAddress"),
                    ["private_ip"] = item.Text("privateIpAddress"),
                });
            }
        }

        return new JsonObject { ["action"] = "describe_instances", ["instances"] = instances };
    }
}
