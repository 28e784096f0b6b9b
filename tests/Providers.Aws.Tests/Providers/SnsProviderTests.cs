using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Providers;

public sealed class SnsProviderTests
{
    private const string Topic = "arn:aws:sns:us-east-1:000000000000:alerts";

    [Fact]
    public async Task Publish_sends_Publish_with_every_field_and_maps_the_message_id()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic));

        var body = await AwsHarness.OkAsync(sns, "publish", new
        {
            message = "Critical temperature alert",
            subject = "Temperature Alert",
            message_group_id = "floor-3",
            message_deduplication_id = "temp-alert-001",
        });

        var request = Assert.Single(aws.Emulator.RequestsTo("sns", "Publish"));
        Assert.Equal(Topic, request["TopicArn"]);
        Assert.Equal("Critical temperature alert", request["Message"]);
        Assert.Equal("Temperature Alert", request["Subject"]);
        Assert.Equal("floor-3", request["MessageGroupId"]);
        Assert.Equal("temp-alert-001", request["MessageDeduplicationId"]);
        Assert.Equal("2010-03-31", request["Version"]);
        Assert.Equal(aws.Emulator.State.Published.Single()["MessageId"], body.GetProperty("message_id").GetString());
        Assert.Equal("published", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Topic_in_the_payload_overrides_the_configured_one()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Emulator.State.Topics.Add("arn:aws:sns:us-east-1:000000000000:other");
        var sns = aws.Create("aws-sns", ("topic_arn", Topic));

        await AwsHarness.OkAsync(sns, "publish", new { message = "m", topic_arn = "arn:aws:sns:us-east-1:000000000000:other" });

        Assert.Equal("arn:aws:sns:us-east-1:000000000000:other", aws.Emulator.RequestsTo("sns", "Publish").Single()["TopicArn"]);
    }

    [Fact]
    public async Task Missing_message_fails_as_serialization_naming_the_field_and_sends_nothing()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic));

        var error = await AwsHarness.FailAsync(sns, "publish", new { subject = "no message" });

        Assert.Equal(ProviderErrorKind.Serialization, error.Kind);
        Assert.False(error.Retryable);
        Assert.Contains("'message'", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);
    }

    [Fact]
    public async Task No_topic_anywhere_is_a_configuration_error_and_sends_nothing()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns");

        var error = await AwsHarness.FailAsync(sns, "publish", new { message = "m" });

        Assert.Equal(ProviderErrorKind.Configuration, error.Kind);
        Assert.Contains("topic_arn", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);
    }

    [Fact]
    public async Task Unknown_action_type_names_the_allowed_ones()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic));

        var error = await AwsHarness.FailAsync(sns, "send", new { message = "m" });

        Assert.Contains("allowed: publish", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.Requests);
    }
}
