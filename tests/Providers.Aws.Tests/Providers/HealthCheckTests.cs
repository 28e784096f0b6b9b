using Acteon.AwsEmulator;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Health;
using Acteon.Providers.Aws.Tests.Support;

namespace Acteon.Providers.Aws.Tests.Providers;

/// <summary>The seed's health check per provider, and the metrics every attempt leaves.</summary>
public sealed class HealthCheckTests
{
    [Theory]
    [InlineData("aws-sns", "sns", "ListTopics")]
    [InlineData("aws-sqs", "sqs", "ListQueues")]
    [InlineData("aws-lambda", "lambda", "ListFunctions")]
    [InlineData("aws-eventbridge", "events", "ListEventBuses")]
    [InlineData("email", "ses", "GetAccount")]
    [InlineData("aws-ec2", "ec2", "DescribeInstances")]
    [InlineData("aws-autoscaling", "autoscaling", "DescribeAutoScalingGroups")]
    public async Task Health_check_calls_the_seed_operation(string type, string service, string operation)
    {
        await using var aws = await AwsHarness.StartAsync();
        var provider = (IProviderHealthCheck)aws.Create(type, ("backend", "ses"), ("from_address", "a@example.com"));

        Assert.Null(await provider.CheckHealthAsync(CancellationToken.None));
        var request = Assert.Single(aws.Emulator.Requests);
        Assert.Equal((service, operation), (request.Service, request.Operation));
        if (type == "aws-ec2")
        {
            Assert.Equal("true", request["DryRun"]);
        }

        aws.Emulator.Inject(service, FaultKind.Credentials);
        var error = await provider.CheckHealthAsync(CancellationToken.None);
        Assert.Equal(ProviderErrorKind.Configuration, error?.Kind);
    }
}
