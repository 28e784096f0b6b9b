using Acteon.AwsEmulator;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Providers;

/// <summary>
/// EC2 and SQS go through AWSSDK.EC2 and AWSSDK.SQS: credentials, role assumption, region, time-outs, cancellation
/// and transport failures behave as in the hand-written clients (SNS here stands for those).
/// </summary>
public sealed class SdkClientTests
{
    private const string Role = "arn:aws:iam::987654321098:role/acteon";

    public static TheoryData<string> Types() => ["aws-sqs", "aws-ec2", "aws-sns"];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Assumed_role_signs_the_calls_and_is_assumed_again_five_minutes_before_expiry(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        var (provider, actionType, payload, service) = Valid(aws, type, ("aws_role_arn", Role), ("aws_session_name", "acteon-sdk"), ("aws_external_id", "ext"));

        await AwsHarness.OkAsync(provider, actionType, payload);
        aws.Time.Advance(TimeSpan.FromMinutes(50));
        await AwsHarness.OkAsync(provider, actionType, payload);
        aws.Time.Advance(TimeSpan.FromMinutes(6));
        await AwsHarness.OkAsync(provider, actionType, payload);

        var assumed = aws.Emulator.RequestsTo("sts", "AssumeRole");
        Assert.Equal(2, assumed.Count);
        Assert.All(assumed, a => Assert.Equal(("acteon-sdk", "ext", AwsEmulator.AwsEmulator.AccessKey), (a["RoleSessionName"], a["ExternalId"], a.AccessKey)));
        var calls = aws.Emulator.RequestsTo(service);
        var sessions = aws.Emulator.State.Sessions.Values.ToList();
        Assert.Equal([sessions[0].AccessKey, sessions[0].AccessKey, sessions[1].AccessKey], calls.Select(c => c.AccessKey));
        Assert.Equal([sessions[0].Token, sessions[0].Token, sessions[1].Token], calls.Select(c => c.SessionToken));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Denied_role_is_a_configuration_error_and_nothing_reaches_the_service(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        var (provider, actionType, payload, service) = Valid(aws, type, ("aws_role_arn", "arn:aws:iam::1:role/denied"));

        var error = await AwsHarness.FailAsync(provider, actionType, payload);

        Assert.Equal(ProviderErrorKind.Configuration, error.Kind);
        Assert.Contains("AssumeRole of arn:aws:iam::1:role/denied failed", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.RequestsTo(service));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task No_credentials_in_the_chain_is_a_configuration_error_and_nothing_is_sent(string type)
    {
        await using var aws = await AwsHarness.StartAsync(new NoCredentials());
        var (provider, actionType, payload, _) = Valid(aws, type);

        var error = await AwsHarness.FailAsync(provider, actionType, payload);

        Assert.Equal(ProviderErrorKind.Configuration, error.Kind);
        Assert.StartsWith("credential error: no AWS credentials for ", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Aws_region_is_the_signing_region_at_an_endpoint_override(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        var (provider, actionType, payload, service) = Valid(aws, type, ("aws_region", "eu-west-1"));

        await AwsHarness.OkAsync(provider, actionType, payload);

        Assert.Equal("eu-west-1", Assert.Single(aws.Emulator.RequestsTo(service)).Region);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Each_attempt_is_one_request_the_sdk_does_not_retry(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        var (provider, actionType, payload, service) = Valid(aws, type);
        aws.Emulator.Inject(service, FaultKind.ServerError, times: 2);

        var error = await AwsHarness.FailAsync(provider, actionType, payload);

        Assert.True(error.Retryable);
        Assert.Single(aws.Emulator.RequestsTo(service));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Nothing_listening_is_a_retryable_connection_error(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        var (provider, actionType, payload, _) = Valid(aws, type, ("aws_endpoint_url", "http://127.0.0.1:1"));

        var error = await AwsHarness.FailAsync(provider, actionType, payload);

        Assert.Equal(ProviderErrorKind.Connection, error.Kind);
        Assert.True(error.Retryable);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task No_answer_within_timeout_seconds_is_a_retryable_timeout(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        using var silent = new SilentServer();
        var (provider, actionType, payload, _) = Valid(aws, type, ("aws_endpoint_url", silent.Url), ("timeout_seconds", 1L));

        var result = await AwsHarness.RunAsync(provider, actionType, payload).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ProviderErrorKind.Timeout, result.Error?.Kind);
        Assert.True(result.Error!.Retryable);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Callers_cancellation_ends_the_call_as_cancelled(string type)
    {
        await using var aws = await AwsHarness.StartAsync();
        using var silent = new SilentServer();
        var (provider, actionType, payload, _) = Valid(aws, type, ("aws_endpoint_url", silent.Url));
        using var cancel = new CancellationTokenSource();

        var call = AwsHarness.RunAsync(provider, actionType, payload, cancel.Token);
        await silent.Connected.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static (IActionProvider Provider, string ActionType, object Payload, string Service) Valid(
        AwsHarness aws, string type, params (string Key, object Value)[] fields) => type switch
    {
        "aws-sqs" => (aws.Create(type, [("queue_url", "http://q/000000000000/metrics"), .. fields]), "send_message", new { message_body = "b" }, "sqs"),
        "aws-ec2" => (aws.Create(type, fields), "describe_instances", new { }, "ec2"),
        _ => (aws.Create(type, [("topic_arn", "arn:aws:sns:us-east-1:000000000000:alerts"), .. fields]), "publish", new { message = "m" }, "sns"),
    };
}
