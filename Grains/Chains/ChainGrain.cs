using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Chains;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Approvals;
using Acteon.Grains.Execution;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Chains;

/// <summary>
/// One chain. A step runs only after the write that marks it in flight, and its result is written before the next
/// step is chosen, so each step runs once, in order; a reminder (kept while the chain runs) wakes it for delays and
/// after a restart or the death of its silo, on whichever silo then owns it.
/// </summary>
[GrainType(TypeName)]
internal sealed class ChainGrain(
    [PersistentState("chain", GrainStorage.Name)] IPersistentState<ChainState> state,
    ActionExecutor executor,
    ChainAudit audit,
    IStreamEventPublisher stream,
    IOptions<ChainOptions> options,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IChainGrain, IRemindable
{
    public const string TypeName = "chain";
    public const string ReminderName = "advance";

    private readonly ChainOptions _options = options.Value;
    private readonly ReminderWake _wake = new();

    public async Task<ChainStarted> StartAsync(ChainStart start)
    {
        if (state.State.Definition is null)
        {
            var definition = _options.Definitions.TryGetValue(start.ChainName, out var found)
                ? found
                : throw new InvalidOperationException($"chain '{start.ChainName}' is not configured on this silo ([[chains]])");
            var now = time.GetUtcNow();
            await state.UpdateAsync(stored => stored.Definition is null
                ? (new ChainState
                {
                    ChainId = start.ChainId,
                    Origin = start.Origin,
                    Rule = start.Rule,
                    Definition = definition,
                    ReadyAt = now + TimeSpan.FromSeconds(definition.Steps[0].DelaySeconds),
                    Steps = [.. definition.Steps.Select(_ => new ChainStepRecord())],
                    StartedAt = now,
                    UpdatedAt = now,
                    ExpiresAt = definition.TimeoutSeconds is { } timeout ? now + TimeSpan.FromSeconds(timeout) : null,
                }, 0)
                : ((ChainState?)null, 0));
            await WakeAsync();
            await PublishAsync();
            // The first step runs in the next turn of this grain: the dispatch answers chain_started at once.
            this.AsReference<IChainGrain>().AdvanceAsync().Ignore();
        }

        var stored = state.State.Definition!;
        return new ChainStarted(stored.Steps.Count, stored.Steps[0].Name);
    }

    public async Task AdvanceAsync()
    {
        while (state.State is { Definition: not null, Status: ChainStatus.Running } chain)
        {
            var now = time.GetUtcNow();
            if (chain.ExpiresAt is { } expires && now >= expires)
            {
                await FinishAsync(ChainStatus.TimedOut, null);
                return;
            }

            if (now < chain.ReadyAt)
            {
                await WakeAsync();
                return;
            }

            await RunStepAsync(chain);
        }

        await SettleAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => AdvanceAsync();

    public Task<ChainDetail?> GetAsync() => Task.FromResult(Detail());

    public async Task<ChainCancelResult> CancelAsync(string? reason)
    {
        if (state.State.Definition is null)
        {
            return new ChainCancelResult(false, null);
        }

        if (state.State.Status != ChainStatus.Running)
        {
            return new ChainCancelResult(false, Detail());
        }

        await FinishAsync(ChainStatus.Cancelled, reason);
        var detail = Detail();
        await SettleAsync();
        return new ChainCancelResult(true, detail);
    }

    private async Task RunStepAsync(ChainState chain)
    {
        var index = chain.Current;
        var definition = chain.Definition!;
        var step = definition.Steps[index];
        if (!chain.InFlight)
        {
            // The decision point: from here on this attempt (its idempotency key) is the one that runs.
            var steps = chain.Steps.ToArray();
            steps[index] = steps[index] with { Attempt = steps[index].Attempt + 1 };
            await state.UpdateAsync(s => (s with { InFlight = true, Steps = steps }, 0));
        }

        chain = state.State;
        var attempt = chain.Steps[index].Attempt;
        var action = ChainStepAction.Create(chain, index, attempt);
        var startedAt = time.GetUtcNow();
        var result = await executor.ExecuteAsync(step.Provider, action, CancellationToken.None);
        var completedAt = time.GetUtcNow();

        var success = result.Response is { Success: true };
        var body = result.Response?.Body;
        var error = result.Error?.Message ?? (result.Response is { Success: false } ? "the provider answered with a failure" : null);
        var record = new ChainStepRecord
        {
            Status = success ? ChainStatus.StepCompleted : step.OnFailure == ChainStepDefinition.Skip ? ChainStatus.StepSkipped : ChainStatus.StepFailed,
            ResponseBody = body,
            Error = success ? null : error,
            CompletedAt = completedAt,
            Attempt = attempt,
        };
        var next = success || step.OnFailure == ChainStepDefinition.Skip ? ChainFlow.Next(definition, index, success, body) : null;
        var status = !success && step.OnFailure == ChainStepDefinition.Abort ? ChainStatus.Failed : next is null ? ChainStatus.Completed : ChainStatus.Running;
        var records = chain.Steps.ToArray();
        records[index] = record;
        await state.UpdateAsync(s => (s with
        {
            InFlight = false,
            Steps = records,
            Path = [.. s.Path, step.Name],
            Current = next ?? index,
            ReadyAt = next is { } n ? completedAt + TimeSpan.FromSeconds(definition.Steps[n].DelaySeconds) : s.ReadyAt,
            Status = status,
            UpdatedAt = completedAt,
        }, 0));

        // After the write that recorded the step and chose the next one.
        var origin = state.State.Origin!;
        stream.Publish(StreamEvent.ChainAdvanced(origin.Namespace, origin.Tenant, state.State.ChainId!, step.Name, next is { } following ? definition.Steps[following].Name : null, status));
        await audit.StepAsync(state.State, action, result, record.Status, startedAt, completedAt);
        if (status != ChainStatus.Running)
        {
            await audit.FinishedAsync(state.State, completedAt);
        }

        await PublishAsync();
    }

    private async Task FinishAsync(string status, string? reason)
    {
        var now = time.GetUtcNow();
        await state.UpdateAsync(s => (s with { Status = status, InFlight = false, UpdatedAt = now, CancelReason = reason }, 0));
        await audit.FinishedAsync(state.State, now);
        await PublishAsync();
    }

    private Task PublishAsync() => Summary() is { } summary
        ? GrainFactory.Reference<IChainIndexGrain>(ApprovalGrain.IndexKey(state.State.Origin!)).PutAsync(summary)
        : Task.CompletedTask;

    /// <summary>Wakes at the next step's time or the chain's time-out, at most a wake interval away.</summary>
    private async Task WakeAsync()
    {
        var chain = state.State;
        var at = chain.ExpiresAt is { } expires && expires < chain.ReadyAt ? expires : chain.ReadyAt;
        await _wake.SetAsync(this, ReminderName, at - time.GetUtcNow(), at, _options.WakeInterval);
    }

    /// <summary>A chain that ended is kept (and listed) for <see cref="ChainOptions.Retention"/>, then deleted.</summary>
    private async Task SettleAsync()
    {
        var chain = state.State;
        if (chain.Definition is null)
        {
            await _wake.StopAsync(this, ReminderName);
            return;
        }

        var now = time.GetUtcNow();
        var deleteAt = chain.UpdatedAt + _options.Retention;
        if (now < deleteAt)
        {
            await _wake.SetAsync(this, ReminderName, deleteAt - now, deleteAt, _options.RetentionWakeInterval);
            return;
        }

        await GrainFactory.Reference<IChainIndexGrain>(ApprovalGrain.IndexKey(chain.Origin!)).RemoveAsync(chain.ChainId!);
        await state.ClearStateAsync();
        await _wake.StopAsync(this, ReminderName);
        DeactivateOnIdle();
    }

    private ChainSummary? Summary()
    {
        var chain = state.State;
        return chain.Definition is not { } definition
            ? null
            : new ChainSummary
            {
                ChainId = chain.ChainId!,
                ChainName = definition.Name,
                Status = chain.Status,
                CurrentStep = chain.Current,
                TotalSteps = definition.Steps.Count,
                StartedAt = chain.StartedAt,
                UpdatedAt = chain.UpdatedAt,
            };
    }

    private ChainDetail? Detail()
    {
        var chain = state.State;
        if (Summary() is not { } summary)
        {
            return null;
        }

        var definition = chain.Definition!;
        return new ChainDetail
        {
            Summary = summary,
            Namespace = chain.Origin!.Namespace,
            Tenant = chain.Origin.Tenant,
            OriginActionId = chain.Origin.Id,
            Steps = [.. definition.Steps.Select((step, i) => new ChainStepView
            {
                Name = step.Name,
                Provider = step.Provider,
                Status = chain.Steps[i].Status,
                ResponseBody = chain.Steps[i].ResponseBody,
                Error = chain.Steps[i].Error,
                CompletedAt = chain.Steps[i].CompletedAt,
                Attempt = chain.Steps[i].Attempt,
            })],
            ExecutionPath = chain.Path,
            ExpiresAt = chain.ExpiresAt,
            CancelReason = chain.CancelReason,
        };
    }
}
