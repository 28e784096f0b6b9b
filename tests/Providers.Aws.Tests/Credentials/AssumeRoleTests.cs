using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Credentials;

public sealed class AssumeRoleTests
{
    private const string Topic = "arn:aws:sns:us-east-1:000000000000:alerts";
    private const string Role = "arn:aws:iam::987654321098:role/acteon-sns-publisher";

    [Fact]
    public async Task Role_is_assumed_with_its_parameters_and_requests_are_signed_with_the_session()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic), ("aws_role_arn", Role), ("aws_session_name", "acteon-prod"), ("aws_external_id", "acteon-trust-key"));

        await AwsHarness.OkAsync(sns, "publish", new { message = "one" });
        await AwsHarness.OkAsync(sns, "publish", new { message = "two" });

        var assume = Assert.Single(aws.Emulator.RequestsTo("sts", "AssumeRole"));
        Assert.Equal(Role, assume["RoleArn"]);
        Assert.Equal("acteon-prod", assume["RoleSessionName"]);
        Assert.Equal("acteon-trust-key", assume["ExternalId"]);
        Assert.Equal(AwsEmulator.AwsEmulator.AccessKey, assume.AccessKey);
        var session = Assert.Single(aws.Emulator.State.Sessions.Values);
        Assert.All(aws.Emulator.RequestsTo("sns", "Publish"), publish =>
        {
            Assert.Equal(session.AccessKey, publish.AccessKey);
            Assert.Equal(session.Token, publish.SessionToken);
        });
    }

    [Fact]
    public async Task Session_name_defaults_and_external_id_is_optional()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic), ("aws_role_arn", Role));

        await AwsHarness.OkAsync(sns, "publish", new { message = "m" });

        var assume = aws.Emulator.RequestsTo("sts", "AssumeRole").Single();
        Assert.Equal("acteon-aws-provider", assume["RoleSessionName"]);
        Assert.False(assume.Parameters.ContainsKey("ExternalId"));
    }

    [Fact]
    public async Task Credentials_are_refreshed_before_they_expire()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic), ("aws_role_arn", Role));

        await AwsHarness.OkAsync(sns, "publish", new { message = "first" });
        aws.Time.Advance(TimeSpan.FromMinutes(50));
        await AwsHarness.OkAsync(sns, "publish", new { message = "still the first session" });
        aws.Time.Advance(TimeSpan.FromMinutes(6)); // 56 minutes: less than five minutes left on a one-hour session
        await AwsHarness.OkAsync(sns, "publish", new { message = "new session" });
        aws.Time.Advance(TimeSpan.FromMinutes(30)); // the first session has now expired at the emulator
        await AwsHarness.OkAsync(sns, "publish", new { message = "still fine" });

        Assert.Equal(2, aws.Emulator.RequestsTo("sts", "AssumeRole").Count);
        var publishes = aws.Emulator.RequestsTo("sns", "Publish");
        Assert.Equal(publishes[0].AccessKey, publishes[1].AccessKey);
        Assert.NotEqual(publishes[1].AccessKey, publishes[2].AccessKey);
        Assert.Equal(publishes[2].AccessKey, publishes[3].AccessKey);
    }

    [Fact]
    public async Task Denied_role_assumption_is_a_configuration_error_and_nothing_reaches_sns()
    {
        await using var aws = await AwsHarness.StartAsync();
        var sns = aws.Create("aws-sns", ("topic_arn", Topic), ("aws_role_arn", "arn:aws:iam::1:role/denied"));

        var error = await AwsHarness.FailAsync(sns, "publish", new { message = "m" });

        Assert.Equal(ProviderErrorKind.Configuration, error.Kind);
        Assert.False(error.Retryable);
        Assert.Contains("AssumeRole", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Emulator.RequestsTo("sns"));
    }
}
