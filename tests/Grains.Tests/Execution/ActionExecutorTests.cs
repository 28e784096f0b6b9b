using System.Collections.Concurrent;
using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Execution;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Acteon.Grains.Tests.Execution;

public sealed class ActionExecutorTests
{
    private static readonly GatewayAction Action = new()
    {
        Id = "a1", Namespace = "ns", Tenant = "t", Provider = "p", ActionType = "x",
        Payload = JsonDocument.Parse("{}").RootElement, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task ExecuteAsync_RetryableErrorsThenSuccess_RetriesWithBackoff()
    {
        var clock = new FakeTimeProvider();
        var provider = new ScriptedProvider(clock, ProviderError.Connection("down"), ProviderError.RateLimited("slow down"), Ok());
        using var executor = Executor(provider, clock, maxRetries: 3);

        var result = await AdvanceUntilDoneAsync(clock, executor.ExecuteAsync("p", Action, CancellationToken.None), "the executor to retry twice and succeed");

        Assert.NotNull(result.Response);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, provider.Calls);
        var calledAt = provider.CalledAt;
        Assert.True(calledAt[1] - calledAt[0] >= TimeSpan.FromMilliseconds(50), $"a first backoff of at least 50 ms, saw {calledAt[1] - calledAt[0]}");
        Assert.True(calledAt[2] - calledAt[1] >= TimeSpan.FromMilliseconds(100), $"a second backoff of at least 100 ms, saw {calledAt[2] - calledAt[1]}");
    }

    [Fact]
    public async Task ExecuteAsync_NonRetryableError_FailsAtOnce()
    {
        var clock = new FakeTimeProvider();
        var provider = new ScriptedProvider(clock, ProviderError.Serialization("bad payload"), Ok());
        using var executor = Executor(provider, clock, maxRetries: 3);

        var result = await executor.ExecuteAsync("p", Action, CancellationToken.None);

        Assert.Equal((ProviderErrorKind.Serialization, 1, 1), (result.Error!.Kind, result.Attempts, provider.Calls));
    }

    [Fact]
    public async Task ExecuteAsync_RetriesExhausted_ReturnsTheLastError()
    {
        var clock = new FakeTimeProvider();
        var provider = new ScriptedProvider(clock, ProviderError.Connection("1"), ProviderError.Connection("2"), ProviderError.Connection("3"));
        using var executor = Executor(provider, clock, maxRetries: 2);

        var result = await AdvanceUntilDoneAsync(clock, executor.ExecuteAsync("p", Action, CancellationToken.None), "three attempts");

        Assert.Equal(("3", 3, true), (result.Error!.Message, result.Attempts, result.Error.Retryable));
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrencyLimit_NeverExceeded()
    {
        var provider = new GatedProvider(awaited: 3);
        using var executor = Executor(provider, new FakeTimeProvider(), maxRetries: 0, maxConcurrent: 3);

        var runs = Enumerable.Range(0, 10).Select(_ => executor.ExecuteAsync("p", Action, CancellationToken.None)).ToList();
        await Wait.ForAsync(provider.Reached.Task, "three calls in flight");
        provider.Release.SetResult();
        await Task.WhenAll(runs);

        Assert.Equal(3, provider.MaxInFlight);
        Assert.All(runs, r => Assert.NotNull(r.Result.Response));
    }

    private static ProviderResponse Ok() => new(true, JsonDocument.Parse("{}").RootElement);

    /// <summary>
    /// Moves the clock on in 50 ms steps until <paramref name="run"/> completes. The executor arms its next backoff
    /// on the thread pool after each attempt, so after each step the run gets a moment of real time to finish or to
    /// arm it; a run that needs more than 10 simulated seconds fails the test.
    /// </summary>
    private static async Task<T> AdvanceUntilDoneAsync<T>(FakeTimeProvider clock, Task<T> run, string expectation)
    {
        var limit = clock.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!run.IsCompleted)
        {
            Assert.True(clock.GetUtcNow() < limit, $"Simulated time reached {limit:O} without {expectation}.");
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        }

        return await run;
    }

    private static ActionExecutor Executor(IProviderGrain provider, TimeProvider clock, int maxRetries, int maxConcurrent = 10) =>
        new(_ => provider, Options.Create(new ExecutorOptions
        {
            MaxRetries = maxRetries, MaxConcurrent = maxConcurrent,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(30),
        }), clock);

    /// <summary>Answers each call with the next result of the script (the last one again when it runs out), noting the time of each call.</summary>
    private sealed class ScriptedProvider(TimeProvider clock, params ProviderResult[] script) : IProviderGrain
    {
        private readonly List<DateTimeOffset> _calledAt = [];

        public int Calls
        {
            get
            {
                lock (_calledAt)
                {
                    return _calledAt.Count;
                }
            }
        }

        public IReadOnlyList<DateTimeOffset> CalledAt
        {
            get
            {
                lock (_calledAt)
                {
                    return [.. _calledAt];
                }
            }
        }

        public Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            lock (_calledAt)
            {
                _calledAt.Add(clock.GetUtcNow());
                return Task.FromResult(script[Math.Min(_calledAt.Count - 1, script.Length - 1)]);
            }
        }
    }

    /// <summary>Holds every call until <see cref="Release"/>; <see cref="Reached"/> completes once <c>awaited</c> calls are in flight together.</summary>
    private sealed class GatedProvider(int awaited) : IProviderGrain
    {
        private readonly ConcurrentDictionary<int, int> _peaks = new();
        private int _inFlight;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MaxInFlight => _peaks.Keys.DefaultIfEmpty(0).Max();

        public async Task<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            var inFlight = Interlocked.Increment(ref _inFlight);
            _peaks.TryAdd(inFlight, 0);
            if (inFlight >= awaited)
            {
                Reached.TrySetResult();
            }

            await Release.Task;
            Interlocked.Decrement(ref _inFlight);
            return Ok();
        }
    }
}
