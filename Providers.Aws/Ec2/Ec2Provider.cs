using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Protocols;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acteon.Providers.Aws.Ec2;

/// <summary><c>aws-ec2</c>: instance lifecycle and EBS volumes through AWSSDK.EC2.</summary>
internal sealed class Ec2Provider(string name, IAmazonEC2 ec2, Ec2Defaults defaults)
    : AwsProvider(name, "aws-ec2", "ec2")
{
    protected override IReadOnlyList<string> ActionTypes { get; } =
    [
        "start_instances", "stop_instances", "reboot_instances", "terminate_instances", "hibernate_instances",
        "run_instances", "attach_volume", "detach_volume", "describe_instances",
    ];

    protected override Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken) => actionType switch
    {
        "start_instances" => StateChangeAsync(actionType, payload, null, ids => ec2.StartInstancesAsync(
            new StartInstancesRequest { InstanceIds = ids }, cancellationToken), r => r.StartingInstances),
        "stop_instances" => StopAsync(actionType, payload, payload.Bool("hibernate") ?? false, cancellationToken),
        "hibernate_instances" => StopAsync("stop_instances", payload, true, cancellationToken),
        "terminate_instances" => StateChangeAsync(actionType, payload, null, ids => ec2.TerminateInstancesAsync(
            new TerminateInstancesRequest { InstanceIds = ids }, cancellationToken), r => r.TerminatingInstances),
        "reboot_instances" => RebootAsync(payload, cancellationToken),
        "run_instances" => RunAsync(payload, cancellationToken),
        "attach_volume" => AttachAsync(payload, cancellationToken),
        "detach_volume" => DetachAsync(payload, cancellationToken),
        _ => DescribeAsync(payload, cancellationToken),
    };

    /// <summary>DescribeInstances with DryRun: the <c>DryRunOperation</c> error means the call would have been allowed.</summary>
    protected override async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { DryRun = true }, cancellationToken);
        }
        catch (AmazonEC2Exception error) when (error.ErrorCode == "DryRunOperation")
        {
            // Healthy: the request was valid and permitted.
        }
    }

    private Task<JsonObject> StopAsync(string action, Payload payload, bool hibernate, CancellationToken cancellationToken)
    {
        var force = payload.Bool("force");
        return StateChangeAsync(action, payload, hibernate, ids => ec2.StopInstancesAsync(
            new StopInstancesRequest { InstanceIds = ids, Hibernate = hibernate ? true : null, Force = force }, cancellationToken), r => r.StoppingInstances);
    }

    /// <summary>Start, stop or terminate: the instances' state changes as the service reports them.</summary>
    private static async Task<JsonObject> StateChangeAsync<TResponse>(
        string action, Payload payload, bool? hibernate, Func<List<string>, Task<TResponse>> send, Func<TResponse, List<InstanceStateChange>?> changes)
    {
        var response = await send([.. payload.RequireStringList("instance_ids")]);
        var items = new JsonArray();
        foreach (var change in changes(response) ?? [])
        {
            items.Add(new JsonObject
            {
                ["instance_id"] = change.InstanceId,
                ["previous_state"] = change.PreviousState?.Name?.Value,
                ["current_state"] = change.CurrentState?.Name?.Value,
            });
        }

        var result = new JsonObject { ["action"] = action };
        if (hibernate is { } h)
        {
            result["hibernate"] = h;
        }

        result["instance_state_changes"] = items;
        return result;
    }

    private async Task<JsonObject> RebootAsync(Payload payload, CancellationToken cancellationToken)
    {
        var ids = payload.RequireStringList("instance_ids");
        await ec2.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = [.. ids] }, cancellationToken);
        return new JsonObject { ["action"] = "reboot_instances", ["instance_ids"] = AwsJson.StringArray(ids), ["status"] = "rebooting" };
    }

    private async Task<JsonObject> RunAsync(Payload payload, CancellationToken cancellationToken)
    {
        var request = new RunInstancesRequest
        {
            ImageId = payload.RequireString("image_id"),
            InstanceType = payload.RequireString("instance_type"),
            MinCount = payload.Int32("min_count") ?? 1,
            MaxCount = payload.Int32("max_count") ?? 1,
            KeyName = payload.String("key_name") ?? defaults.KeyName,
            SubnetId = payload.String("subnet_id") ?? defaults.SubnetId,
            UserData = payload.String("user_data"),
        };
        var groups = payload.StringList("security_group_ids") is { Count: > 0 } given ? given : defaults.SecurityGroupIds;
        if (groups.Count > 0)
        {
            request.SecurityGroupIds = [.. groups];
        }

        if (payload.String("iam_instance_profile") is { } profile)
        {
            request.IamInstanceProfile = profile.StartsWith("arn:", StringComparison.Ordinal)
                ? new IamInstanceProfileSpecification { Arn = profile }
                : new IamInstanceProfileSpecification { Name = profile };
        }

        var tags = payload.StringMap("tags");
        if (tags.Count > 0)
        {
            request.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] }];
        }

        var reservation = (await ec2.RunInstancesAsync(request, cancellationToken)).Reservation;
        var instances = new JsonArray();
        foreach (var instance in reservation?.Instances ?? [])
        {
            instances.Add(new JsonObject
            {
                ["instance_id"] = instance.InstanceId,
                ["instance_type"] = instance.InstanceType?.Value,
                ["state"] = instance.State?.Name?.Value,
            });
        }

        return new JsonObject { ["action"] = "run_instances", ["reservation_id"] = reservation?.ReservationId, ["instances"] = instances };
    }

    private async Task<JsonObject> AttachAsync(Payload payload, CancellationToken cancellationToken)
    {
        var request = new AttachVolumeRequest
        {
            VolumeId = payload.RequireString("volume_id"),
            InstanceId = payload.RequireString("instance_id"),
            Device = payload.RequireString("device"),
        };
        var response = await ec2.AttachVolumeAsync(request, cancellationToken);
        return Volume("attach_volume", "AttachVolume", (request.VolumeId, request.InstanceId, request.Device), response.Attachment);
    }

    private async Task<JsonObject> DetachAsync(Payload payload, CancellationToken cancellationToken)
    {
        var request = new DetachVolumeRequest
        {
            VolumeId = payload.RequireString("volume_id"),
            InstanceId = payload.String("instance_id"),
            Device = payload.String("device"),
            Force = payload.Bool("force"),
        };
        var response = await ec2.DetachVolumeAsync(request, cancellationToken);
        return Volume("detach_volume", "DetachVolume", (request.VolumeId, request.InstanceId, null), response.Attachment);
    }

    /// <summary>The attachment as the service answered it, the request's values where it left them out (device: attach only).</summary>
    private static JsonObject Volume(
        string action, string operation, (string VolumeId, string? InstanceId, string? Device) requested, VolumeAttachment? attachment)
    {
        var result = new JsonObject
        {
            ["action"] = action,
            ["volume_id"] = attachment?.VolumeId ?? requested.VolumeId,
            ["instance_id"] = attachment?.InstanceId ?? requested.InstanceId,
        };
        if (requested.Device is not null)
        {
            result["device"] = attachment?.Device ?? requested.Device;
        }

        result["state"] = attachment?.State?.Value ?? throw new AwsCallException(ProviderError.ExecutionFailed($"{operation} answer has no status"));
        return result;
    }

    private async Task<JsonObject> DescribeAsync(Payload payload, CancellationToken cancellationToken)
    {
        var ids = payload.StringList("instance_ids");
        var request = new DescribeInstancesRequest { InstanceIds = ids.Count > 0 ? [.. ids] : null };
        var response = await ec2.DescribeInstancesAsync(request, cancellationToken);
        var instances = new JsonArray();
        foreach (var reservation in response.Reservations ?? [])
        {
            foreach (var instance in reservation.Instances ?? [])
            {
                instances.Add(new JsonObject
                {
                    ["instance_id"] = instance.InstanceId,
                    ["instance_type"] = instance.InstanceType?.Value,
                    ["state"] = instance.State?.Name?.Value,
                    ["public_ip"] = instance.PublicIpAddress,
                    ["private_ip"] = instance.PrivateIpAddress,
                });
            }
        }

        return new JsonObject { ["action"] = "describe_instances", ["instances"] = instances };
    }
}
