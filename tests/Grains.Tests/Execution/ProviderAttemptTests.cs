using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Execution;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Acteon.Grains.Tests.Execution;

public sealed class ProviderAttemptTests
{
    private static readonly GatewayAction Action = new()
    {
        Id = "a1", Namespace = "ns", Tenant = "t", Provider = "p", ActionType = "x",
        Payload = JsonDocument.Parse("{}").RootElement, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task RunAsync_ProviderHangs_TimesOutAsRetryableTimeoutAndCancelsIt()
    {
        var clock = new FakeTimeProvider();
        var provider = new HangingProvider();
        var attempt = new ProviderAttempt(TimeSpan.FromSeconds(5), clock);

        var run = attempt.RunAsync(provider, Action, CancellationToken.None);
        await Wait.ForAsync(provider.Called.Task, "the provider call");
        clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(provider.Cancelled.Task.IsCompleted, "the call was cancelled before its 5 s time-out");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await Wait.ForAsync(run, "the attempt to time out once 5 s passed");

        Assert.Equal(ProviderErrorKind.Timeout, result.Error!.Kind);
        Assert.True(result.Error.Retryable);
        Assert.Equal("timeout after 5s", result.Error.Message);
        Assert.True(provider.Cancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_ProviderAnswersAtOnce_ArmsNoTimer()
    {
        var clock = new CountingTimeProvider();
        var attempt = new ProviderAttempt(TimeSpan.FromSeconds(5), clock);

        var result = await attempt.RunAsync(new AtOnceProvider(), Action, CancellationToken.None);

        Assert.NotNull(result.Response);
        Assert.Equal(0, clock.TimersCreated);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_CancelsTheProviderAndThrows()
    {
        var clock = new FakeTimeProvider();
        var provider = new HangingProvider();
        var attempt = new ProviderAttempt(TimeSpan.FromSeconds(5), clock);
        using var caller = new CancellationTokenSource();

        var run = attempt.RunAsync(provider, Action, caller.Token);
        await Wait.ForAsync(provider.Called.Task, "the provider call");
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.ForAsync(run, "the cancelled attempt"));
        Assert.True(provider.Cancelled.Task.IsCompleted);
    }

    private sealed class HangingProvider : IActionProvider
    {
        public string Name => "p";

        public string Type => "test";

        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken)
        {
            // Not disposed: the delay's callback runs first and may end this method, and disposing would drop this one unrun.
            _ = cancellationToken.Register(() => Cancelled.TrySetResult());
            Called.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new ProviderResponse(true, JsonDocument.Parse("{}").RootElement);
        }
    }

    private sealed class AtOnceProvider : IActionProvider
    {
        public string Name => "p";

        public string Type => "test";

        public ValueTask<ProviderResult> ExecuteAsync(GatewayAction action, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ProviderResult>(new ProviderResponse(true, JsonDocument.Parse("{}").RootElement));
    }

    private sealed class CountingTimeProvider : TimeProvider
    {
        private int _timers;

        public int TimersCreated => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
