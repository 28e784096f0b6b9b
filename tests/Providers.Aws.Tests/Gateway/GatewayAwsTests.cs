using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Acteon.AwsEmulator;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Silo.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Providers.Aws.Tests.Gateway;

/// <summary>AWS providers inside the gateway: dispatch over HTTP, <c>GET /v1/providers/health</c>, the sample configuration.</summary>
public sealed class GatewayAwsTests
{
    [Fact]
    public async Task Dispatch_publishes_to_sns_through_the_gateway()
    {
        await using var emulator = await new AwsEmulator.AwsEmulator().StartAsync();
        await using var app = new AwsGatewayApp($"""
            [[providers]]
            name = "alert-fanout"
            type = "aws-sns"
            aws_region = "us-east-1"
            aws_endpoint_url = "{emulator.BaseUrl}"
            topic_arn = "arn:aws:sns:us-east-1:000000000000:alerts"
            """);

        using var response = await app.CreateClient().PostAsJsonAsync("/v1/dispatch", new
        {
            @namespace = "alerts", tenant = "acme-corp", provider = "alert-fanout", action_type = "publish",
            payload = new { message = "Critical alert: CPU at 99%", subject = "CPU Alert" },
        });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(emulator.State.Published.Single()["MessageId"], doc.RootElement.GetProperty("response").GetProperty("body").GetProperty("message_id").GetString());
        Assert.Equal("CPU Alert", emulator.RequestsTo("sns", "Publish").Single()["Subject"]);
    }

    [Fact]
    public async Task Provider_health_reports_checks_success_rate_latency_and_last_errors()
    {
        await using var emulator = await new AwsEmulator.AwsEmulator().StartAsync();
        await using var app = new AwsGatewayApp($"""
            [[providers]]
            name = "queue"
            type = "aws-sqs"
            aws_endpoint_url = "{emulator.BaseUrl}"
            queue_url = "{emulator.BaseUrl}/000000000000/metrics"

            [[providers]]
            name = "scaling"
            type = "aws-autoscaling"
            aws_endpoint_url = "{emulator.BaseUrl}"
            """);
        var client = app.CreateClient();
        emulator.Inject("sqs", FaultKind.InvalidRequest);
        foreach (var body in new[] { "a", "b" })
        {
            using var r = await client.PostAsJsonAsync("/v1/dispatch", new
            {
                @namespace = "n", tenant = "t", provider = "queue", action_type = "send_message", payload = new { message_body = body },
            });
        }

        emulator.Inject("autoscaling", FaultKind.Credentials);
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/providers/health", UriKind.Relative)));

        var providers = health.RootElement.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var queue = providers["queue"];
        Assert.Equal("healthy", queue.GetProperty("status").GetString());
        Assert.Equal(2, queue.GetProperty("total").GetInt32());
        Assert.Equal(0.5, queue.GetProperty("success_rate").GetDouble());
        Assert.True(queue.GetProperty("latency_ms").GetProperty("p99").GetDouble() > 0);
        Assert.Equal("SERIALIZATION", queue.GetProperty("last_errors")[0].GetProperty("code").GetString());
        Assert.Equal("unhealthy", providers["scaling"].GetProperty("status").GetString());
        Assert.Equal("CONFIGURATION", providers["scaling"].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("unknown", providers["log"].GetProperty("status").GetString());
    }

    [Fact]
    public void Sample_configuration_loads_and_builds_all_eight_providers()
    {
        var config = ConfigLoader.LoadFile(Path.Combine(TestPaths.RepoRoot, "deploy", "examples", "aws.toml"));
        var services = new ServiceCollection();
        services.AddAwsProviders();
        using var provider = services.BuildServiceProvider();
        var factories = provider.GetServices<IProviderFactory>().ToDictionary(f => f.Type);

        var built = config.Providers.Select(s => factories[s.Type].Create(s)).ToList();

        Assert.Equal(
            ["aws-sns", "aws-lambda", "aws-eventbridge", "aws-sqs", "aws-s3", "email", "aws-ec2", "aws-autoscaling"],
            built.Select(p => p.Type));
    }

    [Fact]
    public void Smtp_email_backend_is_refused_with_file_and_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("acteon-smtp-").FullName, "acteon.toml");
        File.WriteAllText(path, """
            [[providers]]
            name = "mail"
            type = "email"
            email_backend = "smtp"
            from_address = "noreply@example.com"
            """);
        var settings = ConfigLoader.LoadFile(path).Providers.Single();
        var services = new ServiceCollection();
        services.AddAwsProviders();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ProviderConfigurationException>(() => provider.GetServices<IProviderFactory>().Single(f => f.Type == "email").Create(settings));

        Assert.StartsWith(path + ":1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'email_backend'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SMTP is not available in this build", error.Message, StringComparison.Ordinal);
    }
}
