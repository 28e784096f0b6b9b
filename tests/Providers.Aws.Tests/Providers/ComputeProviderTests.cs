using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Providers;

/// <summary>EC2 and Auto Scaling: every action type on the wire and in the response, with state changing in the emulator.</summary>
public sealed class ComputeProviderTests
{
    private const string Stopped = "i-0abc123def456789a";
    private const string Running = "i-0def456abc789012b";
    private static readonly string[] MissingIds = ["i-missing"];
    private static readonly string[] WebTier = ["web-tier-asg"];

    [Fact]
    public async Task Ec2_start_stop_hibernate_terminate_change_states()
    {
        await using var aws = await AwsHarness.StartAsync();
        var ec2 = aws.Create("aws-ec2");

        var start = await AwsHarness.OkAsync(ec2, "start_instances", new { instance_ids = new[] { Stopped } });
        var change = start.GetProperty("instance_state_changes")[0];
        Assert.Equal("start_instances", start.GetProperty("action").GetString());
        Assert.Equal(Stopped, change.GetProperty("instance_id").GetString());
        Assert.Equal("stopped", change.GetProperty("previous_state").GetString());
        Assert.Equal("pending", change.GetProperty("current_state").GetString());

        var stop = await AwsHarness.OkAsync(ec2, "stop_instances", new { instance_ids = new[] { Stopped }, force = true });
        Assert.False(stop.GetProperty("hibernate").GetBoolean());
        Assert.Equal("running", stop.GetProperty("instance_state_changes")[0].GetProperty("previous_state").GetString());
        Assert.Equal("stopping", stop.GetProperty("instance_state_changes")[0].GetProperty("current_state").GetString());

        var hibernate = await AwsHarness.OkAsync(ec2, "hibernate_instances", new { instance_ids = new[] { Running } });
        Assert.Equal("stop_instances", hibernate.GetProperty("action").GetString());
        Assert.True(hibernate.GetProperty("hibernate").GetBoolean());

        var terminate = await AwsHarness.OkAsync(ec2, "terminate_instances", new { instance_ids = new[] { Stopped } });
        Assert.Equal("shutting-down", terminate.GetProperty("instance_state_changes")[0].GetProperty("current_state").GetString());

        var ops = aws.Emulator.RequestsTo("ec2");
        Assert.Equal(["StartInstances", "StopInstances", "StopInstances", "TerminateInstances"], ops.Select(r => r.Operation));
        Assert.Equal(Stopped, ops[0]["InstanceId.1"]);
        Assert.Equal("true", ops[1]["Force"]);
        Assert.False(ops[1].Parameters.ContainsKey("Hibernate"));
        Assert.Equal("true", ops[2]["Hibernate"]);
        Assert.Equal("2016-11-15", ops[0]["Version"]);
    }

    [Fact]
    public async Task Ec2_reboot_and_describe_instances()
    {
        await using var aws = await AwsHarness.StartAsync();
        var ec2 = aws.Create("aws-ec2");

        var reboot = await AwsHarness.OkAsync(ec2, "reboot_instances", new { instance_ids = new[] { Running } });
        var all = await AwsHarness.OkAsync(ec2, "describe_instances", new { });
        var one = await AwsHarness.OkAsync(ec2, "describe_instances", new { instance_ids = new[] { Running } });

        Assert.Equal("rebooting", reboot.GetProperty("status").GetString());
        Assert.Equal(Running, reboot.GetProperty("instance_ids")[0].GetString());
        Assert.Equal(2, all.GetProperty("instances").GetArrayLength());
        var instance = Assert.Single(one.GetProperty("instances").EnumerateArray());
        Assert.Equal("t3.small", instance.GetProperty("instance_type").GetString());
        Assert.Equal("running", instance.GetProperty("state").GetString());
        Assert.Equal("54.0.0.1", instance.GetProperty("public_ip").GetString());
        Assert.Equal("10.0.0.1", instance.GetProperty("private_ip").GetString());
        Assert.Equal(Running, aws.Emulator.RequestsTo("ec2", "DescribeInstances")[1]["InstanceId.1"]);
    }

    [Fact]
    public async Task Ec2_run_instances_applies_config_defaults_and_payload_overrides()
    {
        await using var aws = await AwsHarness.StartAsync();
        var ec2 = aws.Create("aws-ec2",
            ("default_security_group_ids", new List<object> { "sg-default" }), ("default_subnet_id", "subnet-default"), ("default_key_name", "default-key"));

        var body = await AwsHarness.OkAsync(ec2, "run_instances", new
        {
            image_id = "ami-0abcdef1234567890", instance_type = "t3.micro", max_count = 2, key_name = "my-keypair",
            user_data = "IyEvYmluL2Jhc2g=", tags = new { env = "staging" }, iam_instance_profile = "arn:aws:iam::123456789012:instance-profile/app",
        });

        var request = aws.Emulator.RequestsTo("ec2", "RunInstances").Single();
        Assert.Equal("ami-0abcdef1234567890", request["ImageId"]);
        Assert.Equal("1", request["MinCount"]);
        Assert.Equal("2", request["MaxCount"]);
        Assert.Equal("my-keypair", request["KeyName"]);
        Assert.Equal("sg-default", request["SecurityGroupId.1"]);
        Assert.Equal("subnet-default", request["SubnetId"]);
        Assert.Equal("IyEvYmluL2Jhc2g=", request["UserData"]);
        Assert.Equal("env", request["TagSpecification.1.Tag.1.Key"]);
        Assert.Equal("staging", request["TagSpecification.1.Tag.1.Value"]);
        Assert.Equal("arn:aws:iam::123456789012:instance-profile/app", request["IamInstanceProfile.Arn"]);
        Assert.StartsWith("r-", body.GetProperty("reservation_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, body.GetProperty("instances").GetArrayLength());
        Assert.Equal("pending", body.GetProperty("instances")[0].GetProperty("state").GetString());
        Assert.Equal("t3.micro", body.GetProperty("instances")[0].GetProperty("instance_type").GetString());
    }

    [Fact]
    public async Task Ec2_attach_and_detach_volume()
    {
        await using var aws = await AwsHarness.StartAsync();
        var ec2 = aws.Create("aws-ec2");

        var attach = await AwsHarness.OkAsync(ec2, "attach_volume", new { volume_id = "vol-0abc123def456789a", instance_id = Running, device = "/dev/sdf" });
        var detach = await AwsHarness.OkAsync(ec2, "detach_volume", new { volume_id = "vol-0abc123def456789a", force = true });

        Assert.Equal("attaching", attach.GetProperty("state").GetString());
        Assert.Equal("/dev/sdf", attach.GetProperty("device").GetString());
        Assert.Equal(Running, attach.GetProperty("instance_id").GetString());
        Assert.Equal("detaching", detach.GetProperty("state").GetString());
        Assert.Equal(Running, detach.GetProperty("instance_id").GetString());
        Assert.Equal("true", aws.Emulator.RequestsTo("ec2", "DetachVolume").Single()["Force"]);
    }

    [Fact]
    public async Task Ec2_missing_fields_send_nothing_and_unknown_instance_is_execution_failed()
    {
        await using var aws = await AwsHarness.StartAsync();
        var ec2 = aws.Create("aws-ec2");

        var noIds = await AwsHarness.FailAsync(ec2, "start_instances", new { });
        var noDevice = await AwsHarness.FailAsync(ec2, "attach_volume", new { volume_id = "vol-1", instance_id = "i-1" });
        var noImage = await AwsHarness.FailAsync(ec2, "run_instances", new { instance_type = "t3.micro" });
        Assert.Contains("'instance_ids'", noIds.Message, StringComparison.Ordinal);
        Assert.Contains("'device'", noDevice.Message, StringComparison.Ordinal);
        Assert.Contains("'image_id'", noImage.Message, StringComparison.Ordinal);
        Assert.All([noIds, noDevice, noImage], e => Assert.Equal(ProviderErrorKind.Serialization, e.Kind));
        Assert.Empty(aws.Emulator.Requests);

        var unknown = await AwsHarness.FailAsync(ec2, "stop_instances", new { instance_ids = MissingIds });
        Assert.Equal(ProviderErrorKind.ExecutionFailed, unknown.Kind);
        Assert.Contains("InvalidInstanceID.NotFound", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoScaling_describe_set_desired_capacity_and_update()
    {
        await using var aws = await AwsHarness.StartAsync();
        var asg = aws.Create("aws-autoscaling");

        var set = await AwsHarness.OkAsync(asg, "set_desired_capacity", new { auto_scaling_group_name = "web-tier-asg", desired_capacity = 6, honor_cooldown = true });
        var update = await AwsHarness.OkAsync(asg, "update_auto_scaling_group", new
        {
            auto_scaling_group_name = "web-tier-asg", min_size = 2, max_size = 20, default_cooldown = 120, health_check_type = "ELB", health_check_grace_period = 90,
        });
        var describe = await AwsHarness.OkAsync(asg, "describe_auto_scaling_groups", new { auto_scaling_group_names = WebTier });

        Assert.Equal("updated", set.GetProperty("status").GetString());
        Assert.Equal(6, set.GetProperty("desired_capacity").GetInt32());
        Assert.Equal("updated", update.GetProperty("status").GetString());
        var group = Assert.Single(describe.GetProperty("auto_scaling_groups").EnumerateArray());
        Assert.Equal("web-tier-asg", group.GetProperty("auto_scaling_group_name").GetString());
        Assert.Equal(2, group.GetProperty("min_size").GetInt32());
        Assert.Equal(20, group.GetProperty("max_size").GetInt32());
        Assert.Equal(6, group.GetProperty("desired_capacity").GetInt32());
        Assert.Equal(6, group.GetProperty("instance_count").GetInt32());
        Assert.Equal("ELB", group.GetProperty("health_check_type").GetString());

        var requests = aws.Emulator.RequestsTo("autoscaling");
        Assert.Equal("true", requests[0]["HonorCooldown"]);
        Assert.Equal("6", requests[0]["DesiredCapacity"]);
        Assert.Equal("20", requests[1]["MaxSize"]);
        Assert.Equal("90", requests[1]["HealthCheckGracePeriod"]);
        Assert.Equal("web-tier-asg", requests[2]["AutoScalingGroupNames.member.1"]);
        Assert.Equal(120, aws.Emulator.State.Groups["web-tier-asg"].DefaultCooldown);
    }

    [Fact]
    public async Task AutoScaling_validation_error_is_serialization_and_missing_capacity_sends_nothing()
    {
        await using var aws = await AwsHarness.StartAsync();
        var asg = aws.Create("aws-autoscaling");

        var missing = await AwsHarness.FailAsync(asg, "set_desired_capacity", new { auto_scaling_group_name = "web-tier-asg" });
        Assert.Contains("'desired_capacity'", missing.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);

        var outside = await AwsHarness.FailAsync(asg, "set_desired_capacity", new { auto_scaling_group_name = "web-tier-asg", desired_capacity = 99 });
        Assert.Equal(ProviderErrorKind.Serialization, outside.Kind);
        Assert.Contains("ValidationError", outside.Message, StringComparison.Ordinal);
    }
}
