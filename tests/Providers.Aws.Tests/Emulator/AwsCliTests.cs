using Acteon.AwsEmulator;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Emulator;

/// <summary>The AWS CLI (botocore) drives every emulated operation: its signed requests are accepted and it parses the answers.</summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private AwsEmulator.AwsEmulator _emulator = null!;
    private ExternalClient _cli = null!;

    public async Task InitializeAsync()
    {
        _emulator = await new AwsEmulator.AwsEmulator().StartAsync();
        _cli = new ExternalClient(_emulator.Url, AwsEmulator.AwsEmulator.AccessKey, AwsEmulator.AwsEmulator.SecretKey);
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Sns_and_sts()
    {
        var topic = (await _cli.AwsAsync("sns", "create-topic", "--name", "cli-topic")).GetProperty("TopicArn").GetString()!;
        var published = await _cli.AwsAsync("sns", "publish", "--topic-arn", topic, "--message", "hello", "--subject", "hi");
        var topics = await _cli.AwsAsync("sns", "list-topics");
        var assumed = await _cli.AwsAsync("sts", "assume-role", "--role-arn", "arn:aws:iam::1:role/r", "--role-session-name", "cli", "--external-id", "ext-123");
        var identity = await _cli.AwsAsync("sts", "get-caller-identity");

        Assert.Equal(_emulator.State.Published.Single()["MessageId"], published.GetProperty("MessageId").GetString());
        Assert.Equal("hello", _emulator.State.Published.Single()["Message"]);
        Assert.Contains(topics.GetProperty("Topics").EnumerateArray(), t => t.GetProperty("TopicArn").GetString() == topic);
        var session = _emulator.State.Sessions.Values.Single();
        Assert.Equal(session.AccessKey, assumed.GetProperty("Credentials").GetProperty("AccessKeyId").GetString());
        Assert.Equal(session.Token, assumed.GetProperty("Credentials").GetProperty("SessionToken").GetString());
        Assert.Equal("ext-123", session.ExternalId);
        Assert.Equal(EmulatorState.Account, identity.GetProperty("Account").GetString());
    }

    [Fact]
    public async Task Assumed_role_credentials_sign_cli_requests_with_a_session_token()
    {
        var assumed = (await _cli.AwsAsync("sts", "assume-role", "--role-arn", "arn:aws:iam::1:role/r", "--role-session-name", "cli")).GetProperty("Credentials");
        var (code, stdout, stderr) = await _cli.RunAsync("sh", ["-c", $"AWS_ACCESS_KEY_ID={assumed.GetProperty("AccessKeyId")} AWS_SECRET_ACCESS_KEY={assumed.GetProperty("SecretAccessKey")} AWS_SESSION_TOKEN={assumed.GetProperty("SessionToken")} aws --endpoint-url \"$ENDPOINT\" --output json sts get-caller-identity"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("Account", stdout, StringComparison.Ordinal);
        Assert.Equal(assumed.GetProperty("SessionToken").GetString(), _emulator.Requests[^1].SessionToken);
    }

    [Fact]
    public async Task Sqs()
    {
        var queue = (await _cli.AwsAsync("sqs", "create-queue", "--queue-name", "cli-queue")).GetProperty("QueueUrl").GetString()!;
        var sent = await _cli.AwsAsync("sqs", "send-message", "--queue-url", queue, "--message-body", "payload-1", "--delay-seconds", "0");
        var received = await _cli.AwsAsync("sqs", "receive-message", "--queue-url", queue);
        var queues = await _cli.AwsAsync("sqs", "list-queues");

        var message = received.GetProperty("Messages")[0];
        Assert.Equal(sent.GetProperty("MessageId").GetString(), message.GetProperty("MessageId").GetString());
        Assert.Equal("payload-1", message.GetProperty("Body").GetString());
        Assert.Contains(queues.GetProperty("QueueUrls").EnumerateArray(), q => q.GetString() == queue);
    }

    [Fact]
    public async Task Lambda_eventbridge_and_ses()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"lambda-{Guid.NewGuid():N}.json");
        var invoked = await _cli.AwsAsync("lambda", "invoke", "--function-name", "anomaly-detector", "--payload", """{"value":92}""", outFile);
        var functions = await _cli.AwsAsync("lambda", "list-functions", "--max-items", "1");
        var events = await _cli.AwsAsync("events", "put-events", "--entries", """[{"Source":"cli","DetailType":"t","Detail":"{\"a\":1}","EventBusName":"default"}]""");
        var buses = await _cli.AwsAsync("events", "list-event-buses");
        var email = await _cli.AwsAsync("sesv2", "send-email", "--from-email-address", "noreply@example.com",
            "--destination", "ToAddresses=a@example.com", "--content", "Simple={Subject={Data=Hi},Body={Text={Data=Body}}}");
        var account = await _cli.AwsAsync("sesv2", "get-account");

        Assert.Equal(200, invoked.GetProperty("StatusCode").GetInt32());
        Assert.Contains("temperature_critical", File.ReadAllText(outFile), StringComparison.Ordinal);
        File.Delete(outFile);
        Assert.Equal("""{"value":92}""", _emulator.RequestsTo("lambda", "Invoke").Single().Body);
        Assert.Equal("anomaly-detector", functions.GetProperty("Functions")[0].GetProperty("FunctionName").GetString());
        Assert.Equal(0, events.GetProperty("FailedEntryCount").GetInt32());
        Assert.Equal(_emulator.State.Events.Single()["EventId"], events.GetProperty("Entries")[0].GetProperty("EventId").GetString());
        Assert.Contains(buses.GetProperty("EventBuses").EnumerateArray(), b => b.GetProperty("Name").GetString() == "default");
        Assert.Equal(_emulator.State.Emails.Single()["MessageId"], email.GetProperty("MessageId").GetString());
        Assert.True(account.GetProperty("SendingEnabled").GetBoolean());
    }

    [Fact]
    public async Task Ec2()
    {
        var started = await _cli.AwsAsync("ec2", "start-instances", "--instance-ids", "i-0abc123def456789a");
        var described = await _cli.AwsAsync("ec2", "describe-instances", "--instance-ids", "i-0abc123def456789a");
        var stopped = await _cli.AwsAsync("ec2", "stop-instances", "--instance-ids", "i-0abc123def456789a", "--hibernate");
        await _cli.AwsAsync("ec2", "reboot-instances", "--instance-ids", "i-0def456abc789012b");
        var run = await _cli.AwsAsync("ec2", "run-instances", "--image-id", "ami-1", "--instance-type", "t3.micro", "--count", "1");
        var attached = await _cli.AwsAsync("ec2", "attach-volume", "--volume-id", "vol-0abc123def456789a", "--instance-id", "i-0def456abc789012b", "--device", "/dev/sdf");
        var detached = await _cli.AwsAsync("ec2", "detach-volume", "--volume-id", "vol-0abc123def456789a");
        var terminated = await _cli.AwsAsync("ec2", "terminate-instances", "--instance-ids", "i-0def456abc789012b");
        var dryRun = await _cli.AwsFailsAsync("ec2", "describe-instances", "--dry-run");

        Assert.Equal("pending", started.GetProperty("StartingInstances")[0].GetProperty("CurrentState").GetProperty("Name").GetString());
        Assert.Equal("running", described.GetProperty("Reservations")[0].GetProperty("Instances")[0].GetProperty("State").GetProperty("Name").GetString());
        Assert.Equal("stopping", stopped.GetProperty("StoppingInstances")[0].GetProperty("CurrentState").GetProperty("Name").GetString());
        Assert.Equal("true", _emulator.RequestsTo("ec2", "StopInstances").Single()["Hibernate"]);
        Assert.Equal("RebootInstances", _emulator.RequestsTo("ec2")[3].Operation);
        Assert.Equal("pending", run.GetProperty("Instances")[0].GetProperty("State").GetProperty("Name").GetString());
        Assert.Equal("attaching", attached.GetProperty("State").GetString());
        Assert.Equal("detaching", detached.GetProperty("State").GetString());
        Assert.Equal("shutting-down", terminated.GetProperty("TerminatingInstances")[0].GetProperty("CurrentState").GetProperty("Name").GetString());
        Assert.Contains("DryRunOperation", dryRun, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_scaling()
    {
        await _cli.AwsAsync("autoscaling", "set-desired-capacity", "--auto-scaling-group-name", "web-tier-asg", "--desired-capacity", "5", "--honor-cooldown");
        await _cli.AwsAsync("autoscaling", "update-auto-scaling-group", "--auto-scaling-group-name", "web-tier-asg", "--max-size", "12", "--health-check-type", "EC2");
        var groups = await _cli.AwsAsync("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", "web-tier-asg");

        var group = groups.GetProperty("AutoScalingGroups")[0];
        Assert.Equal(5, group.GetProperty("DesiredCapacity").GetInt32());
        Assert.Equal(12, group.GetProperty("MaxSize").GetInt32());
        Assert.Equal("EC2", group.GetProperty("HealthCheckType").GetString());
        Assert.Equal(5, group.GetProperty("Instances").GetArrayLength());
    }

    [Fact]
    public async Task Bad_signatures_and_injected_faults_come_back_in_the_real_error_shape()
    {
        using var wrong = new ExternalClient(_emulator.Url, AwsEmulator.AwsEmulator.AccessKey, "wrong-secret");
        var snsError = await wrong.AwsFailsAsync("sns", "list-topics");
        var sqsError = await wrong.AwsFailsAsync("sqs", "list-queues");
        _emulator.Inject("sns", FaultKind.Throttling);
        var throttled = await _cli.AwsFailsAsync("sns", "list-topics");
        _emulator.Inject("lambda", FaultKind.ServerError);
        var server = await _cli.AwsFailsAsync("lambda", "list-functions");

        Assert.Contains("SignatureDoesNotMatch", snsError, StringComparison.Ordinal);
        Assert.Contains("InvalidSignatureException", sqsError, StringComparison.Ordinal);
        Assert.Contains("Throttling", throttled, StringComparison.Ordinal);
        Assert.Contains("InternalFailure", server, StringComparison.Ordinal);
    }
}
