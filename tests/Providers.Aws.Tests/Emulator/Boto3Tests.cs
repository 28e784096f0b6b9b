using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Emulator;

/// <summary>boto3 calls every emulated operation; the script asserts on the parsed answers and prints "ok".</summary>
public sealed class Boto3Tests
{
    private const string Script = """
        import os, boto3, botocore
        e = os.environ["ENDPOINT"]
        c = lambda s: boto3.client(s, endpoint_url=e, region_name="us-east-1")
        sns = c("sns"); sqs = c("sqs"); lam = c("lambda"); ev = c("events"); ses = c("sesv2"); ec2 = c("ec2"); asg = c("autoscaling"); sts = c("sts")
        arn = sns.create_topic(Name="b3")["TopicArn"]
        assert sns.publish(TopicArn=arn, Message="m", Subject="s")["MessageId"]
        assert any(t["TopicArn"] == arn for t in sns.list_topics()["Topics"])
        q = sqs.create_queue(QueueName="b3")["QueueUrl"]
        mid = sqs.send_message(QueueUrl=q, MessageBody="body")["MessageId"]
        assert sqs.receive_message(QueueUrl=q)["Messages"][0]["MessageId"] == mid
        assert q in sqs.list_queues()["QueueUrls"]
        r = lam.invoke(FunctionName="anomaly-detector", Payload=b'{"v":1}')
        assert r["StatusCode"] == 200 and b"anomaly" in r["Payload"].read()
        assert lam.invoke(FunctionName="anomaly-detector", InvocationType="Event")["StatusCode"] == 202
        assert lam.list_functions(MaxItems=1)["Functions"][0]["FunctionName"] == "anomaly-detector"
        p = ev.put_events(Entries=[{"Source": "b3", "DetailType": "t", "Detail": "{}"}])
        assert p["FailedEntryCount"] == 0 and p["Entries"][0]["EventId"]
        assert ev.list_event_buses(Limit=1)["EventBuses"][0]["Name"] == "application-events"
        assert ses.send_email(FromEmailAddress="a@example.com", Destination={"ToAddresses": ["b@example.com"]},
            Content={"Simple": {"Subject": {"Data": "s"}, "Body": {"Html": {"Data": "<b>x</b>"}}}})["MessageId"]
        assert ses.get_account()["SendingEnabled"] is True
        i = "i-0abc123def456789a"
        assert ec2.start_instances(InstanceIds=[i])["StartingInstances"][0]["PreviousState"]["Name"] == "stopped"
        assert ec2.describe_instances(InstanceIds=[i])["Reservations"][0]["Instances"][0]["State"]["Name"] == "running"
        assert ec2.stop_instances(InstanceIds=[i], Hibernate=True, Force=False)["StoppingInstances"][0]["CurrentState"]["Name"] == "stopping"
        ec2.reboot_instances(InstanceIds=["i-0def456abc789012b"])
        run = ec2.run_instances(ImageId="ami-1", InstanceType="t3.nano", MinCount=1, MaxCount=2,
            TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "env", "Value": "b3"}]}])
        assert len(run["Instances"]) == 2 and run["ReservationId"].startswith("r-")
        assert ec2.attach_volume(VolumeId="vol-0abc123def456789a", InstanceId=i, Device="/dev/sdf")["State"] == "attaching"
        assert ec2.detach_volume(VolumeId="vol-0abc123def456789a", Force=True)["State"] == "detaching"
        assert ec2.terminate_instances(InstanceIds=[i])["TerminatingInstances"][0]["CurrentState"]["Name"] == "shutting-down"
        try:
            ec2.describe_instances(DryRun=True); raise SystemExit("dry run passed")
        except botocore.exceptions.ClientError as err:
            assert err.response["Error"]["Code"] == "DryRunOperation"
        asg.set_desired_capacity(AutoScalingGroupName="api-tier-asg", DesiredCapacity=3, HonorCooldown=False)
        asg.update_auto_scaling_group(AutoScalingGroupName="api-tier-asg", MinSize=0, DefaultCooldown=60, HealthCheckGracePeriod=30)
        g = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["api-tier-asg"])["AutoScalingGroups"][0]
        assert (g["DesiredCapacity"], g["MinSize"], g["DefaultCooldown"]) == (3, 0, 60)
        cred = sts.assume_role(RoleArn="arn:aws:iam::1:role/r", RoleSessionName="b3", DurationSeconds=900)["Credentials"]
        s2 = boto3.client("sts", endpoint_url=e, region_name="us-east-1", aws_access_key_id=cred["AccessKeyId"],
            aws_secret_access_key=cred["SecretAccessKey"], aws_session_token=cred["SessionToken"])
        assert s2.get_caller_identity()["Account"] == "000000000000"
        bad = boto3.client("sns", endpoint_url=e, region_name="us-east-1", aws_access_key_id="AKIDEMULATOR", aws_secret_access_key="nope")
        try:
            bad.list_topics(); raise SystemExit("bad signature accepted")
        except botocore.exceptions.ClientError as err:
            assert err.response["Error"]["Code"] == "SignatureDoesNotMatch"
        print("ok")
        """;

    [Fact]
    public async Task Boto3_calls_every_operation_and_parses_the_answers()
    {
        await using var emulator = await new AwsEmulator.AwsEmulator().StartAsync();
        using var client = new ExternalClient(emulator.Url, AwsEmulator.AwsEmulator.AccessKey, AwsEmulator.AwsEmulator.SecretKey);

        var (code, stdout, stderr) = await client.RunAsync("python3", ["-"], Script);

        Assert.True(code == 0, stderr);
        Assert.Equal("ok", stdout.Trim());
        var operations = emulator.Requests.Select(r => $"{r.Service}:{r.Operation}").ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "sns:Publish", "sns:ListTopics", "sqs:SendMessage", "sqs:ReceiveMessage", "lambda:Invoke", "lambda:ListFunctions",
            "events:PutEvents", "events:ListEventBuses", "ses:SendEmail", "ses:GetAccount", "ec2:StartInstances", "ec2:StopInstances",
            "ec2:RebootInstances", "ec2:TerminateInstances", "ec2:RunInstances", "ec2:AttachVolume", "ec2:DetachVolume",
            "ec2:DescribeInstances", "autoscaling:SetDesiredCapacity", "autoscaling:UpdateAutoScalingGroup",
            "autoscaling:DescribeAutoScalingGroups", "sts:AssumeRole", "sts:GetCallerIdentity",
        }, operations);
    }
}
