using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Telemetry;

public sealed class TelemetrySetupTests
{
    [Fact]
    public async Task PrometheusScrape_AfterDispatches_CountersByLabelLatencyAuditQueueAndActivations()
    {
        // Namespaces of this test only: the listener is process-wide, and other tests' gateways run in this process too.
        var (alpha, beta) = ($"alpha-{Guid.NewGuid():N}", $"beta-{Guid.NewGuid():N}");
        await using var app = new GatewayApp(
            "[[providers]]\nname = \"log2\"\ntype = \"log\"\n",
            rules: Files(Rule("suppress-spam", "{field: action.action_type, eq: spam}", "{type: suppress}")));
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(ns: alpha, dedupKey: "k"));
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(ns: alpha, dedupKey: "k"));
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "log2", ns: beta));
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(provider: "log2", ns: beta, actionType: "spam"));

        using var response = await app.CreateClient().GetAsync(new Uri("/metrics/prometheus", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var samples = PrometheusText.Parse(text);
        Assert.Equal(1, Outcomes(samples, "executed", "log", alpha));
        Assert.Equal(1, Outcomes(samples, "deduplicated", "log", alpha));
        Assert.Equal(1, Outcomes(samples, "executed", "log2", beta));
        Assert.Equal(1, Outcomes(samples, "suppressed", "log2", beta));
        bool Ours(PrometheusSample s) => s.Has("namespace", alpha) || s.Has("namespace", beta);
        Assert.Equal(4, samples.Where(s => s.Name == "acteon_dispatch_outcomes_total" && Ours(s)).Sum(s => s.Value));
        Assert.Equal(4, samples.Where(s => s.Name == "acteon_dispatch_duration_seconds_count" && Ours(s)).Sum(s => s.Value));
        Assert.Equal(1, Assert.Single(samples, s => s.Name == "acteon_dispatch_duration_seconds_count" && s.Has("outcome", "suppressed") && Ours(s)).Value);
        Assert.Contains(samples, s => s.Name == "acteon_audit_queue_depth" && s.Value >= 0);
        Assert.Contains(samples, s => s.Name == "orleans_catalog_activations" && s.Labels.TryGetValue("grain_type", out var type) && !type.StartsWith("sys.", StringComparison.Ordinal) && s.Value >= 1);
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal) && s.Name != "orleans_catalog_activations");
    }

    [Fact]
    public async Task Tracing_WithoutOtlpEndpoint_NoTracerProvider()
    {
        await using var app = new GatewayApp();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Tracing_WithOtlpEndpoint_TracerProviderRegistered()
    {
        await using var app = new GatewayApp("[telemetry]\notlp_endpoint = \"http://127.0.0.1:4317\"\n");

        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    private static double Outcomes(List<PrometheusSample> samples, string outcome, string provider, string ns) =>
        Assert.Single(samples, s => s.Name == "acteon_dispatch_outcomes_total" && s.Has("outcome", outcome) && s.Has("provider", provider) && s.Has("namespace", ns)).Value;
}
