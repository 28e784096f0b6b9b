using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Providers.Health;
using Acteon.Grains.CircuitBreakers;
using Acteon.Grains.Cluster;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace Acteon.Grains.Tests.Grains;

/// <summary>
/// Two in-process Orleans silos hosting the gateway's grains, Orleans' memory grain storage under the gateway's
/// storage name, the gateway clock on a <see cref="FakeTimeProvider"/> and one scripted provider named <c>echo</c>.
/// Shared by the tests of a class; each test uses its own grain keys.
/// </summary>
public sealed class GrainTestCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public EchoProvider Echo { get; } = new();

    public GatedProvider Gated { get; } = new();

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("not deployed")).Client;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not deployed");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddKeyedSingleton<TimeProvider>(GatewayClock.Key, Clock);
            silo.Services.AddSingleton<IProviderRegistry>(new TestProviderRegistry(Echo, Gated));
            silo.Services.AddSingleton<ProviderHealthMetrics>();
            silo.Services.AddSingleton<ClusterBus>();
            silo.Services.AddSingleton<CircuitBreakerCache>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    public static GatewayAction Action(string id) => new()
    {
        Id = id, Namespace = "ns", Tenant = "t", Provider = "echo", ActionType = "send",
        Payload = System.Text.Json.JsonDocument.Parse("""{"to":"someone"}""").RootElement, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>Answers every call with the action's id and counts the calls.</summary>
    public sealed class EchoProvider : IActionProvider
    {
        private int _calls;

        public string Name => "echo";

        public string Type => "test";

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var body = System.Text.Json.JsonSerializer.SerializeToElement(new { echoed = action.Id, payload = action.Payload });
            return ValueTask.FromResult(ProviderResult.Ok(new ProviderResponse(true, body)));
        }
    }

    /// <summary>Holds every call until <see cref="Release"/>; counts the calls in flight.</summary>
    public sealed class GatedProvider : IActionProvider
    {
        private int _inFlight;

        public string Name => "gated";

        public string Type => "test";

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int InFlight => Volatile.Read(ref _inFlight);

        public async ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            await Release.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return ProviderResult.Ok(new ProviderResponse(true, default));
        }
    }

    private sealed class TestProviderRegistry(params IActionProvider[] providers) : IProviderRegistry
    {
        public IReadOnlyCollection<IActionProvider> All => providers;

        public bool TryGet(string name, out IActionProvider found)
        {
            found = providers.FirstOrDefault(p => p.Name == name)!;
            return found is not null;
        }
    }
}
