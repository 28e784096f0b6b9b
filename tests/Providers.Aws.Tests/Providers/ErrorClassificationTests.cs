using Acteon.AwsEmulator;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Providers;

/// <summary>The seed's error table, for each protocol family, from the emulator's real error shapes.</summary>
public sealed class ErrorClassificationTests
{
    public static TheoryData<string, FaultKind, ProviderErrorKind> Cases()
    {
        var data = new TheoryData<string, FaultKind, ProviderErrorKind>();
        foreach (var type in new[] { "aws-sns", "aws-sqs", "aws-lambda", "aws-eventbridge", "email", "aws-ec2", "aws-autoscaling" })
        {
            data.Add(type, FaultKind.Throttling, ProviderErrorKind.RateLimited);
            data.Add(type, FaultKind.Credentials, ProviderErrorKind.Configuration);
            data.Add(type, FaultKind.InvalidRequest, ProviderErrorKind.Serialization);
            data.Add(type, FaultKind.ServerError, ProviderErrorKind.Connection);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Injected_fault_is_classified(string type, FaultKind fault, ProviderErrorKind expected)
    {
        await using var aws = await AwsHarness.StartAsync();
        var (provider, actionType, payload, service) = Valid(aws, type);
        aws.Emulator.Inject(service, fault);

        var error = await AwsHarness.FailAsync(provider, actionType, payload);

        Assert.Equal(expected, error.Kind);
        Assert.Equal(expected is ProviderErrorKind.RateLimited or ProviderErrorKind.Connection, error.Retryable);
        await AwsHarness.OkAsync(provider, actionType, payload);
    }

    [Fact]
    public async Task Bad_signature_is_a_credential_error()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Emulator.State.Users[AwsEmulator.AwsEmulator.AccessKey] = "some-other-secret";
        var sqs = aws.Create("aws-sqs", ("queue_url", "http://q/000000000000/metrics"));

        var error = await AwsHarness.FailAsync(sqs, "send_message", new { message_body = "b" });

        Assert.Equal(ProviderErrorKind.Configuration, error.Kind);
        Assert.Contains("InvalidSignatureException", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);
    }

    [Fact]
    public async Task Nothing_listening_is_a_retryable_connection_error()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", "arn:aws:sns:us-east-1:0:t"), ("aws_endpoint_url", "http://127.0.0.1:1"));

        var error = await AwsHarness.FailAsync(sns, "publish", new { message = "m" });

        Assert.Equal(ProviderErrorKind.Connection, error.Kind);
        Assert.True(error.Retryable);
    }

    [Fact]
    public async Task Other_service_errors_are_execution_failed()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", "arn:aws:sns:us-east-1:000000000000:missing"));

        var error = await AwsHarness.FailAsync(sns, "publish", new { message = "m" });

        Assert.Equal(ProviderErrorKind.ExecutionFailed, error.Kind);
        Assert.Contains("NotFound", error.Message, StringComparison.Ordinal);
    }

    private static (IActionProvider Provider, string ActionType, object Payload, string Service) Valid(AwsHarness aws, string type) => type switch
    {
        "aws-sns" => (aws.Create(type, ("topic_arn", "arn:aws:sns:us-east-1:000000000000:alerts")), "publish", new { message = "m" }, "sns"),
        "aws-sqs" => (aws.Create(type, ("queue_url", "http://q/000000000000/metrics")), "send_message", new { message_body = "b" }, "sqs"),
        "aws-lambda" => (aws.Create(type, ("function_name", "anomaly-detector")), "invoke", new { payload = new { } }, "lambda"),
        "aws-eventbridge" => (aws.Create(type), "put_event", new { source = "s", detail_type = "t", detail = "{}" }, "events"),
        "email" => (aws.Create(type, ("backend", "ses"), ("from_address", "a@example.com")), "send_email", new { to = "b@example.com", subject = "s", body = "b" }, "ses"),
        "aws-ec2" => (aws.Create(type), "describe_instances", new { }, "ec2"),
        _ => (aws.Create(type), "describe_auto_scaling_groups", new { }, "autoscaling"),
    };
}
