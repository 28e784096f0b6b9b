using Acteon.AwsEmulator;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Providers;

/// <summary>SQS, EventBridge, Lambda and SES: the request on the wire, the response mapping, bad payloads.</summary>
public sealed class MessagingProviderTests
{
    [Fact]
    public async Task Sqs_send_message_sends_SendMessage_and_the_message_is_queued()
    {
        await using var aws = await AwsHarness.StartAsync();
        var queueUrl = $"{aws.Emulator.BaseUrl}/000000000000/metrics";
        var sqs = aws.Create("aws-sqs", ("queue_url", queueUrl));

        var body = await AwsHarness.OkAsync(sqs, "send_message", new
        {
            message_body = """{"device_id":"sensor-001"}""", delay_seconds = 10, message_group_id = "g", message_deduplication_id = "d",
        });

        var request = Assert.Single(aws.Emulator.RequestsTo("sqs", "SendMessage"));
        Assert.Equal(queueUrl, request["QueueUrl"]);
        Assert.Equal("""{"device_id":"sensor-001"}""", request["MessageBody"]);
        Assert.Equal("10", request["DelaySeconds"]);
        Assert.Equal("g", request["MessageGroupId"]);
        Assert.Equal("d", request["MessageDeduplicationId"]);
        Assert.Equal("sent", body.GetProperty("status").GetString());
        Assert.Equal(aws.Emulator.State.Queues["metrics"].Single().Id, body.GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Sqs_message_attributes_are_sent_as_string_attributes()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sqs = aws.Create("aws-sqs", ("queue_url", $"{aws.Emulator.BaseUrl}/000000000000/metrics"));

        var body = await AwsHarness.OkAsync(sqs, "send_message", new { message_body = "b", message_attributes = new { source = "acteon", zone = "eu" } });

        var request = Assert.Single(aws.Emulator.RequestsTo("sqs", "SendMessage"));
        Assert.Equal("String", request["MessageAttributes.source.DataType"]);
        Assert.Equal("acteon", request["MessageAttributes.source.StringValue"]);
        Assert.Equal("eu", request["MessageAttributes.zone.StringValue"]);
        Assert.Equal("sent", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sqs_missing_body_and_missing_queue_send_nothing()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sqs = aws.Create("aws-sqs");

        var noBody = await AwsHarness.FailAsync(sqs, "send_message", new { queue_url = "http://x/1/q" });
        var noQueue = await AwsHarness.FailAsync(sqs, "send_message", new { message_body = "b" });

        Assert.Equal(ProviderErrorKind.Serialization, noBody.Kind);
        Assert.Contains("'message_body'", noBody.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.Configuration, noQueue.Kind);
        Assert.Empty(aws.Emulator.Requests);
    }

    [Fact]
    public async Task EventBridge_put_event_sends_PutEvents_with_detail_as_a_string()
    {
        await using var aws = await AwsHarness.StartAsync();
        var events = aws.Create("aws-eventbridge", ("event_bus_name", "application-events"));

        var body = await AwsHarness.OkAsync(events, "put_event", new
        {
            source = "acteon.iot", detail_type = "SensorReading", detail = new { device_id = "sensor-001", value = 92 },
        });

        var request = Assert.Single(aws.Emulator.RequestsTo("events", "PutEvents"));
        Assert.Equal("acteon.iot", request["Entries.0.Source"]);
        Assert.Equal("SensorReading", request["Entries.0.DetailType"]);
        Assert.Equal("""{"device_id":"sensor-001","value":92}""", request["Entries.0.Detail"]);
        Assert.Equal("application-events", request["Entries.0.EventBusName"]);
        Assert.Equal(1, body.GetProperty("entries").GetInt32());
        Assert.Equal(0, body.GetProperty("failed_count").GetInt32());
        Assert.Equal("published", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task EventBridge_failed_entries_fail_the_action_and_missing_detail_sends_nothing()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Emulator.State.FailingEventBuses.Add("default");
        var events = aws.Create("aws-eventbridge");

        var missing = await AwsHarness.FailAsync(events, "put_event", new { source = "s", detail_type = "t" });
        Assert.Equal(ProviderErrorKind.Serialization, missing.Kind);
        Assert.Contains("'detail'", missing.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);

        var failed = await AwsHarness.FailAsync(events, "put_event", new { source = "s", detail_type = "t", detail = "{}" });
        Assert.Equal(ProviderErrorKind.ExecutionFailed, failed.Kind);
        Assert.Contains("1 entries failed", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lambda_invoke_posts_the_payload_and_maps_status_and_body()
    {
        await using var aws = await AwsHarness.StartAsync();
        var lambda = aws.Create("aws-lambda", ("function_name", "anomaly-detector"));

        var body = await AwsHarness.OkAsync(lambda, "invoke", new { payload = new { device_id = "sensor-001", value = 92 } });
        var async = await AwsHarness.OkAsync(lambda, "invoke", new { payload = new { }, invocation_type = "Event" });

        var requests = aws.Emulator.RequestsTo("lambda", "Invoke");
        Assert.Equal("anomaly-detector", requests[0]["FunctionName"]);
        Assert.Equal("RequestResponse", requests[0]["InvocationType"]);
        Assert.Equal("""{"device_id":"sensor-001","value":92}""", requests[0].Body);
        Assert.Equal("Event", requests[1]["InvocationType"]);
        Assert.Equal("anomaly-detector", body.GetProperty("function_name").GetString());
        Assert.Equal(200, body.GetProperty("status_code").GetInt32());
        Assert.True(body.GetProperty("body").GetProperty("anomaly").GetBoolean());
        Assert.Equal(202, async.GetProperty("status_code").GetInt32());
    }

    [Fact]
    public async Task Lambda_function_error_is_execution_failed_and_unknown_function_is_not_retryable()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Emulator.State.Functions["broken"] = new LambdaFunction("broken", """{"errorMessage":"boom"}""", "Unhandled");
        var lambda = aws.Create("aws-lambda");

        var error = await AwsHarness.FailAsync(lambda, "invoke", new { function_name = "broken" });
        var missing = await AwsHarness.FailAsync(lambda, "invoke", new { function_name = "nope" });
        var noFunction = await AwsHarness.FailAsync(lambda, "invoke", new { payload = new { } });

        Assert.Equal(ProviderErrorKind.ExecutionFailed, error.Kind);
        Assert.StartsWith("Lambda function error: Unhandled", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.ExecutionFailed, missing.Kind);
        Assert.Contains("ResourceNotFoundException", missing.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.Configuration, noFunction.Kind);
        Assert.Equal(2, aws.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Ses_send_email_sends_SES_v2_SendEmail()
    {
        await using var aws = await AwsHarness.StartAsync();
        var email = aws.Create("email", ("backend", "ses"), ("from_address", "noreply@example.com"), ("ses_configuration_set", "tracking-set"));

        var body = await AwsHarness.OkAsync(email, "send_email", new
        {
            to = "a@example.com, b@example.com", subject = "Hello", body = "text", html_body = "<b>html</b>", cc = "c@example.com", reply_to = "r@example.com",
        });

        var request = Assert.Single(aws.Emulator.RequestsTo("ses", "SendEmail"));
        Assert.Equal("noreply@example.com", request["FromEmailAddress"]);
        Assert.Equal("a@example.com", request["Destination.ToAddresses.0"]);
        Assert.Equal("b@example.com", request["Destination.ToAddresses.1"]);
        Assert.Equal("c@example.com", request["Destination.CcAddresses.0"]);
        Assert.Equal("Hello", request["Content.Simple.Subject.Data"]);
        Assert.Equal("text", request["Content.Simple.Body.Text.Data"]);
        Assert.Equal("<b>html</b>", request["Content.Simple.Body.Html.Data"]);
        Assert.Equal("r@example.com", request["ReplyToAddresses.0"]);
        Assert.Equal("tracking-set", request["ConfigurationSetName"]);
        Assert.Equal("sent", body.GetProperty("status").GetString());
        Assert.Equal("ses", body.GetProperty("backend").GetString());
        Assert.Equal(aws.Emulator.State.Emails.Single()["MessageId"], body.GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Ses_missing_subject_sends_nothing_and_smtp_is_refused_at_configuration()
    {
        await using var aws = await AwsHarness.StartAsync();
        var email = aws.Create("email", ("email_backend", "ses"), ("from_address", "noreply@example.com"));

        var error = await AwsHarness.FailAsync(email, "send_email", new { to = "a@example.com" });
        var smtp = Assert.Throws<ProviderConfigurationException>(() => aws.Create("email", ("backend", "smtp"), ("from_address", "x@example.com")));

        Assert.Equal(ProviderErrorKind.Serialization, error.Kind);
        Assert.Contains("'subject'", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);
        Assert.Contains("SMTP is not available in this build", smtp.Message, StringComparison.Ordinal);
        Assert.Contains("test.toml:1", smtp.Message, StringComparison.Ordinal);
    }
}
