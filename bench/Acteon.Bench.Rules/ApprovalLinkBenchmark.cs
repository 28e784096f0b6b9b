using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Approvals;
using Acteon.Grains.Chains;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace Acteon.Bench.Rules;

/// <summary>
/// The per-request CPU of approvals and chains outside their grains: signing a pending approval's two links,
/// checking one link against two keys (rotation), and filling a chain step's payload template.
/// </summary>
[MemoryDiagnoser]
public class ApprovalLinkBenchmark
{
    private readonly ApprovalSigner _signer = new(Options.Create(new ApprovalOptions
    {
        ExternalUrl = "https://acteon.example.com",
        Keys = [new ApprovalKey("k2", Convert.FromHexString("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100")),
            new ApprovalKey("k1", Convert.FromHexString("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"))],
    }));

    private readonly string _id = Guid.CreateVersion7(DateTimeOffset.UnixEpoch).ToString();
    private string _sig = "";
    private JsonElement _template;
    private ChainTemplate.Scope _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        var approve = _signer.Links("notifications", "tenant-1", _id, 1_800_000_000).Approve;
        _sig = approve[(approve.IndexOf("sig=", StringComparison.Ordinal) + 4)..approve.IndexOf('&', StringComparison.Ordinal)];
        _template = JsonDocument.Parse("""{"alert":"{{origin.payload.alert_id}}","chain":"{{chain_id}}","text":"severity {{prev.body.severity}} at {{step_index}}","nested":{"ok":"{{steps.classify.body.ok}}"}}""").RootElement.Clone();
        var body = JsonDocument.Parse("""{"severity":3,"ok":true}""").RootElement.Clone();
        var origin = new GatewayAction
        {
            Id = "a-1", Namespace = "notifications", Tenant = "tenant-1", Provider = "hooks", ActionType = "alert",
            Payload = JsonDocument.Parse("""{"alert_id":"A-42"}""").RootElement.Clone(), CreatedAt = DateTimeOffset.UnixEpoch,
        };
        _scope = new ChainTemplate.Scope(origin, _id, 1, body, new Dictionary<string, JsonElement?> { ["classify"] = body });
    }

    [Benchmark]
    public (string, string) SignLinks() => _signer.Links("notifications", "tenant-1", _id, 1_800_000_000);

    /// <summary>A link of the second key without kid: both keys are tried.</summary>
    [Benchmark]
    public bool VerifyAgainstTwoKeys() => _signer.Verify("notifications", "tenant-1", _id, 1_800_000_000, "approve", _sig, null);

    [Benchmark]
    public JsonElement RenderStepTemplate() => ChainTemplate.Render(_template, _scope);
}
