using System.Collections.Concurrent;
using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Execution;
using Acteon.Silo.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace Acteon.Grains.Tests.Execution;

public sealed class ActionExecutorTests
{
    private static readonly GatewayAction Action = new()
    {
        Id = "a1", Namespace = "ns", Tenant = "t", Provider = "p", ActionType = "x",
        Payload = JsonDocument.Parse("{}").RootElement, CreatedAt = ManualTimeProvider.DefaultStart,
    };

    [Fact]
    public async Task ExecuteAsync_RetryableErrorsThenSuccess_RetriesWithBackoff()
    {
        var clock = new ManualTimeProvider();
        var provider = new ScriptedProvider(ProviderError.Connection("down"), ProviderError.RateLimited("slow down"), Ok());
        using var executor = Executor(provider, clock, maxRetries: 3);

        var run = executor.ExecuteAsync("p", Action, CancellationToken.None);
        await clock.RunUntilAsync(run, "the executor to retry twice and succeed", TimeSpan.FromMinutes(1));
        var result = await run;

        Assert.NotNull(result.Response);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, provider.Calls);
        Assert.True(clock.GetUtcNow() - ManualTimeProvider.DefaultStart >= TimeSpan.FromMilliseconds(150), "two backoffs of at least 50 ms and 100 ms");
    }

    [Fact]
    public async Task ExecuteAsync_NonRetryableError_FailsAtOnce()
    {
        var provider = new ScriptedProvider(ProviderError.Serialization("bad payload"), Ok());
        using var executor = Executor(provider, new ManualTimeProvider(), maxRetries: 3);

        var result = await executor.ExecuteAsync("p", Action, CancellationToken.None);

        Assert.Equal((ProviderErrorKind.Serialization, 1, 1), (result.Error!.Kind, result.Attempts, provider.Calls));
    }

    [Fact]
    public async Task ExecuteAsync_RetriesExhausted_ReturnsTheLastError()
    {
        var clock = new ManualTimeProvider();
        var provider = new ScriptedProvider(ProviderError.Connection("1"), ProviderError.Connection("2"), ProviderError.Connection("3"));
        using var executor = Executor(provider, clock, maxRetries: 2);

        var run = executor.ExecuteAsync("p", Action, CancellationToken.None);
        await clock.RunUntilAsync(run, "three attempts", TimeSpan.FromMinutes(1));
        var result = await run;

        Assert.Equal(("3", 3, true), (result.Error!.Message, result.Attempts, result.Error.Retryable));
    }

    [Fact]
    public async Task ExecuteAsync_ProviderHangs_TimesOutAsRetryableTimeout()
    {
        var clock = new ManualTimeProvider();
        var provider = new HangingProvider();
        using var executor = Executor(provider, clock, maxRetries: 0, timeout: TimeSpan.FromSeconds(5));

        var run = executor.ExecuteAsync("p", Action, CancellationToken.None);
        await clock.RunUntilAsync(run, "the attempt to time out", TimeSpan.FromMinutes(1));
        var result = await run;

        Assert.Equal(ProviderErrorKind.Timeout, result.Error!.Kind);
        Assert.True(result.Error.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.GetUtcNow() - ManualTimeProvider.DefaultStart);
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrencyLimit_NeverExceeded()
    {
        var provider = new GatedProvider();
        using var executor = Executor(provider, new ManualTimeProvider(), maxRetries: 0, maxConcurrent: 3);

        var runs = Enumerable.Range(0, 10).Select(_ => executor.ExecuteAsync("p", Action, CancellationToken.None)).ToList();
        await Wait.UntilAsync(() => Task.FromResult(provider.InFlight == 3), "three calls in flight");
        provider.Release.SetResult();
        await Task.WhenAll(runs);

        Assert.Equal(3, provider.MaxInFlight);
        Assert.All(runs, r => Assert.NotNull(r.Result.Response));
    }

    private static ProviderResponse Ok() => new(true, JsonDocument.Parse("{}").RootElement);

    private static ActionExecutor Executor(IProviderGrain provider, TimeProvider clock, int maxRetries, TimeSpan? timeout = null, int maxConcurrent = 10) =>
        new(_ => provider, Options.Create(new ExecutorOptions
        {
            MaxRetries = maxRetries, Timeout = timeout ?? TimeSpan.FromSeconds(30), MaxConcurrent = maxConcurrent,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(30),
        }), clock);

    private sealed class ScriptedProvider(params ProviderResult[] script) : IProviderGrain
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken) =>
            Task.FromResult(script[Math.Min(Interlocked.Increment(ref _calls) - 1, script.Length - 1)]);
    }

    private sealed class HangingProvider : IProviderGrain
    {
        public async Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Ok();
        }
    }

    private sealed class GatedProvider : IProviderGrain
    {
        private readonly ConcurrentDictionary<int, int> _peaks = new();
        private int _inFlight;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MaxInFlight => _peaks.Keys.DefaultIfEmpty(0).Max();

        public async Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            _peaks.TryAdd(Interlocked.Increment(ref _inFlight), 0);
            await Release.Task;
            Interlocked.Decrement(ref _inFlight);
            return Ok();
        }
    }
}
