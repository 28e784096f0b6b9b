using System.Text.Json.Nodes;
using Acteon.Providers.Aws.Protocols;

namespace Acteon.Providers.Aws.AutoScaling;

/// <summary><c>aws-autoscaling</c>: describe groups, set desired capacity, update a group (query protocol, API 2011-01-01).</summary>
internal sealed class AutoScalingProvider(string name, AwsServiceClient asg)
    : AwsProvider(name, "aws-autoscaling", "autoscaling")
{
    private const string Version = "2011-01-01";

    protected override IReadOnlyList<string> ActionTypes { get; } =
        ["describe_auto_scaling_groups", "set_desired_capacity", "update_auto_scaling_group"];

    protected override Task<JsonObject> ExecuteAsync(string actionType, Payload payload, CancellationToken cancellationToken) => actionType switch
    {
        "describe_auto_scaling_groups" => DescribeAsync(payload, cancellationToken),
        "set_desired_capacity" => SetDesiredCapacityAsync(payload, cancellationToken),
        _ => UpdateAsync(payload, cancellationToken),
    };

    protected override Task CheckAsync(CancellationToken cancellationToken) =>
        asg.SendQueryAsync(new QueryForm("DescribeAutoScalingGroups", Version).Add("MaxRecords", 1), cancellationToken);

    private async Task<JsonObject> DescribeAsync(Payload payload, CancellationToken cancellationToken)
    {
        var form = new QueryForm("DescribeAutoScalingGroups", Version)
            .AddList("AutoScalingGroupNames.member", payload.StringList("auto_scaling_group_names"));
        var xml = await asg.SendQueryAsync(form, cancellationToken);
        var groups = new JsonArray();
        foreach (var group in (xml.Find("DescribeAutoScalingGroupsResult") ?? xml).Items("AutoScalingGroups"))
        {
            groups.Add(new JsonObject
            {
                ["auto_scaling_group_name"] = group.Text("AutoScalingGroupName"),
                ["min_size"] = group.Long("MinSize"),
                ["max_size"] = group.Long("MaxSize"),
                ["desired_capacity"] = group.Long("DesiredCapacity"),
                ["instance_count"] = group.Items("Instances").Count(),
                ["health_check_type"] = group.Text("HealthCheckType"),
            });
        }

        return new JsonObject { ["action"] = "describe_auto_scaling_groups", ["auto_scaling_groups"] = groups };
    }

    private async Task<JsonObject> SetDesiredCapacityAsync(Payload payload, CancellationToken cancellationToken)
    {
        var group = payload.RequireString("auto_scaling_group_name");
        var capacity = payload.RequireInteger("desired_capacity");
        var form = new QueryForm("SetDesiredCapacity", Version)
            .Add("AutoScalingGroupName", group)
            .Add("DesiredCapacity", capacity)
            .AddIfPresent("HonorCooldown", payload.Bool("honor_cooldown"));
        await asg.SendQueryAsync(form, cancellationToken);
        return new JsonObject
        {
            ["action"] = "set_desired_capacity",
            ["auto_scaling_group_name"] = group,
            ["desired_capacity"] = capacity,
            ["status"] = "updated",
        };
    }

    private async Task<JsonObject> UpdateAsync(Payload payload, CancellationToken cancellationToken)
    {
        var group = payload.RequireString("auto_scaling_group_name");
        var form = new QueryForm("UpdateAutoScalingGroup", Version)
            .Add("AutoScalingGroupName", group)
            .AddIfPresent("MinSize", payload.Integer("min_size"))
            .AddIfPresent("MaxSize", payload.Integer("max_size"))
            .AddIfPresent("DesiredCapacity", payload.Integer("desired_capacity"))
            .AddIfPresent("DefaultCooldown", payload.Integer("default_cooldown"))
            .AddIfPresent("HealthCheckType", payload.String("health_check_type"))
            .AddIfPresent("HealthCheckGracePeriod", payload.Integer("health_check_grace_period"));
        await asg.SendQueryAsync(form, cancellationToken);
        return new JsonObject { ["action"] = "update_auto_scaling_group", ["auto_scaling_group_name"] = group, ["status"] = "updated" };
    }
}
