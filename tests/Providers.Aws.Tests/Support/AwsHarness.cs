using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Providers.Aws.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Acteon.Providers.Aws.Tests.Support;

/// <summary>An emulator plus the real provider factories (from <see cref="AwsServiceCollectionExtensions.AddAwsProviders"/>) pointed at it.</summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AwsHarness(AwsEmulator.AwsEmulator emulator, FakeTimeProvider time, IAwsCredentialSource? credentials)
    {
        Emulator = emulator;
        Time = time;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(credentials ?? new StaticCredentialSource(AwsEmulator.AwsEmulator.AccessKey, AwsEmulator.AwsEmulator.SecretKey));
        services.AddAwsProviders();
        _services = services.BuildServiceProvider();
    }

    public AwsEmulator.AwsEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>An emulator and providers whose base credentials are the emulator's user, or <paramref name="credentials"/>.</summary>
    public static async Task<AwsHarness> StartAsync(IAwsCredentialSource? credentials = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var emulator = await new AwsEmulator.AwsEmulator(time).StartAsync();
        return new AwsHarness(emulator, time, credentials);
    }

    /// <summary>Builds a provider of <paramref name="type"/> with the emulator as endpoint plus <paramref name="fields"/>.</summary>
    public IActionProvider Create(string type, params (string Key, object Value)[] fields)
    {
        var all = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["aws_region"] = "us-east-1",
            ["aws_endpoint_url"] = Emulator.BaseUrl,
        };
        foreach (var (key, value) in fields)
        {
            all[key] = value;
        }

        var factory = _services.GetServices<IProviderFactory>().Single(f => f.Type == type);
        return factory.Create(new ProviderSettings("test-" + type, type, all, "test.toml:1"));
    }

    public static async Task<ProviderResult> RunAsync(IActionProvider provider, string actionType, object payload, CancellationToken cancellationToken = default)
    {
        var action = new GatewayAction
        {
            Id = Guid.NewGuid().ToString(),
            Namespace = "ns",
            Tenant = "tenant",
            Provider = provider.Name,
            ActionType = actionType,
            Payload = JsonSerializer.SerializeToElement(payload),
            CreatedAt = new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero),
        };
        return await provider.ExecuteAsync(action, cancellationToken);
    }

    /// <summary>Runs and expects success; returns the response body.</summary>
    public static async Task<JsonElement> OkAsync(IActionProvider provider, string actionType, object payload)
    {
        var result = await RunAsync(provider, actionType, payload);
        Assert.True(result.Error is null, $"expected success, got {result.Error?.Code}: {result.Error?.Message}");
        Assert.True(result.Response!.Success);
        return result.Response.Body;
    }

    /// <summary>Runs and expects a failure; returns it.</summary>
    public static async Task<ProviderError> FailAsync(IActionProvider provider, string actionType, object payload)
    {
        var result = await RunAsync(provider, actionType, payload);
        Assert.True(result.Error is not null, $"expected a failure, got {result.Response?.Body}");
        return result.Error;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
