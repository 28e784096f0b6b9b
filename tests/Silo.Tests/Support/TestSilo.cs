using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Hosting;
using Acteon.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Acteon.Silo.Tests.Support;

/// <summary>
/// One silo node for a test: the runtime on a manual clock, a storage backend and the test grains. Its hosted
/// services (reminders, membership, collector) run only when the test starts them.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    private TestSilo(ServiceProvider services, ManualTimeProvider clock, GrainProbe probe)
    {
        Services = services;
        Clock = clock;
        Probe = probe;
    }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    public GrainProbe Probe { get; }

    public GrainCatalog Catalog => Services.GetRequiredService<GrainCatalog>();

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public static TestSilo Create(Action<IServiceCollection> storage, ManualTimeProvider? clock = null, Action<SiloOptions>? configure = null)
    {
        clock ??= new ManualTimeProvider();
        var probe = new GrainProbe();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(probe);
        storage(services);
        services.AddMemoryStorage();
        services.AddSilo(o =>
        {
            o.NodeId = "node-" + Guid.NewGuid().ToString("N")[..8];
            o.ReminderPollInterval = TimeSpan.FromSeconds(1);
            o.ReminderLease = TimeSpan.FromSeconds(30);
            configure?.Invoke(o);
        });
        services.AddGrain<ICounterGrain, CounterGrain>(CounterGrain.TypeName);
        services.AddGrain<ILazyCounterGrain, LazyCounterGrain>(LazyCounterGrain.TypeName);
        services.AddGrain<ITurnGrain, TurnGrain>(TurnGrain.TypeName);
        services.AddGrain<IReminderGrain, ReminderGrain>(ReminderGrain.TypeName);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TestSilo(provider, clock, probe);
    }

    public static TestSilo InMemory(ManualTimeProvider? clock = null, Action<SiloOptions>? configure = null) =>
        Create(_ => { }, clock, configure);

    public static TestSilo OnSqlite(string path, ManualTimeProvider? clock = null, Action<SiloOptions>? configure = null) =>
        Create(s => s.AddSqliteStorage(path), clock, configure);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TGrain Grain<TGrain>(string key) where TGrain : IGrainWithStringKey => GrainFactory.GetGrain<TGrain>(key);

    /// <summary>Starts the hosted service of type <typeparamref name="TService"/> (the reminder service, membership, collector).</summary>
    public async Task StartAsync<TService>() where TService : IHostedService
    {
        var service = Services.GetServices<IHostedService>().OfType<TService>().Single();
        await service.StartAsync(CancellationToken.None);
        _started.Add(service);
    }

    /// <summary>Stops the started hosted services, last started first.</summary>
    public async Task StopAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None);
        }

        _started.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Services.DisposeAsync();
    }
}
