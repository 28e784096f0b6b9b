using System.Buffers;
using System.Text;
using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Approvals;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Execution;
using Acteon.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Approvals;

/// <summary>
/// One approval. Every decision is a compare-and-swap write of the status before anything runs, so two approvals
/// at once (through two nodes) execute the action once. One reminder drives what time decides: notification
/// retries and expiry while pending, finishing an approved execution a dead silo left, and the end of retention.
/// </summary>
[GrainType(TypeName)]
internal sealed class ApprovalGrain(
    [PersistentState("approval", GrainStorage.Name)] IPersistentState<ApprovalState> state,
    IServiceProvider services,
    ActionExecutor executor,
    ApprovalAudit audit,
    IOptions<ApprovalOptions> options,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IApprovalGrain, IRemindable
{
    public const string TypeName = "approval";
    public const string ReminderName = "approval";

    private readonly ApprovalOptions _options = options.Value;
    private readonly ReminderWake _wake = new();

    public async Task RequestAsync(ApprovalRequest request)
    {
        var created = await state.UpdateAsync(stored => stored.Request is null
            ? (new ApprovalState { Request = request }, true)
            : ((ApprovalState?)null, false));
        if (!created)
        {
            return;
        }

        // The reminder first: whatever fails after it (the index, the notification), expiry and retries still happen.
        await WakeAsync();
        await PublishAsync();
        await NotifyAsync();
    }

    public async Task<ApprovalDecision> DecideAsync(bool approve, string decidedBy)
    {
        if (state.State.Request is null)
        {
            return new ApprovalDecision(ApprovalDecisionKind.NotFound, "");
        }

        var now = time.GetUtcNow();
        var status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        var decided = await state.UpdateAsync(stored =>
        {
            if (stored.Status != ApprovalStatus.Pending)
            {
                return ((ApprovalState?)null, false);
            }

            var next = now > stored.Request!.ExpiresAt ? ApprovalStatus.Expired : status;
            return (stored with { Status = next, DecidedAt = now, DecidedBy = next == status ? decidedBy : null }, next == status);
        });
        if (!decided)
        {
            await PublishAsync();
            return new ApprovalDecision(ApprovalDecisionKind.AlreadyDecided, state.State.Status);
        }

        await PublishAsync();
        await audit.DecidedAsync(state.State.Request!, status, decidedBy, now);
        if (approve)
        {
            await ExecuteAsync();
        }

        await WakeAsync();
        return new ApprovalDecision(ApprovalDecisionKind.Decided, status, state.State.OutcomeJson);
    }

    public Task<ApprovalSummary?> GetAsync() => Task.FromResult(Summary());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var stored = state.State;
        var now = time.GetUtcNow();
        if (stored.Request is not { } request)
        {
            await StopAsync();
            return;
        }

        if (stored.Status == ApprovalStatus.Pending && now >= request.ExpiresAt)
        {
            var expired = await state.UpdateAsync(s => s.Status == ApprovalStatus.Pending
                ? (s with { Status = ApprovalStatus.Expired, DecidedAt = now }, true)
                : ((ApprovalState?)null, false));
            await PublishAsync();
            if (expired)
            {
                await WakeAsync();
            }

            return;
        }

        if (stored.Status == ApprovalStatus.Pending && !stored.NotificationSent)
        {
            await NotifyAsync();
        }
        else if (stored.Status == ApprovalStatus.Approved && !stored.Executed)
        {
            await ExecuteAsync();
        }
        else if (stored.DecidedAt is { } decidedAt && now >= decidedAt + _options.Retention)
        {
            await GrainFactory.Reference<IApprovalIndexGrain>(IndexKey(request.Action)).RemoveAsync(request.Id);
            await state.ClearStateAsync();
            await StopAsync();
            return;
        }

        await WakeAsync();
    }

    public static string IndexKey(GatewayAction action) => VerdictHandler.ScopedKey(action.Namespace, action.Tenant, "");

    /// <summary>Re-evaluates the rules on the stored action and carries out the verdict (request_approval again means run it); the outcome is stored.</summary>
    private async Task ExecuteAsync()
    {
        var request = state.State.Request!;
        var pipeline = services.GetRequiredService<DispatchPipeline>();
        var outcome = await pipeline.DispatchAsync(request.Action, new DispatchContext { Approved = true, CallerId = state.State.DecidedBy ?? ApprovalDecisionNames.SignedLinkCaller }, CancellationToken.None);
        var json = OutcomeText(outcome);
        await state.UpdateAsync(s => (s with { Executed = true, OutcomeJson = json }, 0));
    }

    /// <summary>One notification attempt to notify_provider (through the executor, not the rules); failures are retried by the reminder.</summary>
    private async Task NotifyAsync()
    {
        var request = state.State.Request!;
        var result = await executor.ExecuteAsync(request.NotifyProvider, ApprovalNotification.Create(request), CancellationToken.None);
        if (result.Response is { Success: true })
        {
            await state.UpdateAsync(s => (s with { NotificationSent = true }, 0));
        }
    }

    private Task PublishAsync() => Summary() is { } summary
        ? GrainFactory.Reference<IApprovalIndexGrain>(IndexKey(state.State.Request!.Action)).PutAsync(summary)
        : Task.CompletedTask;

    /// <summary>Sets the reminder to the next moment time decides something, at most a wake interval away.</summary>
    private async Task WakeAsync()
    {
        var stored = state.State;
        var now = time.GetUtcNow();
        var (at, interval) = stored.Status == ApprovalStatus.Pending || (stored.Status == ApprovalStatus.Approved && !stored.Executed)
            ? (stored.Request!.ExpiresAt, _options.WakeInterval)
            : (stored.DecidedAt!.Value + _options.Retention, _options.RetentionWakeInterval);
        await _wake.SetAsync(this, ReminderName, at - now, at, interval);
    }

    private async Task StopAsync()
    {
        await _wake.StopAsync(this, ReminderName);
        DeactivateOnIdle();
    }

    private ApprovalSummary? Summary()
    {
        var stored = state.State;
        return stored.Request is not { } request
            ? null
            : new ApprovalSummary
            {
                Id = request.Id,
                Namespace = request.Action.Namespace,
                Tenant = request.Action.Tenant,
                ActionType = request.Action.ActionType,
                Provider = request.Action.Provider,
                Rule = request.Rule,
                Status = stored.Status,
                CreatedAt = request.CreatedAt,
                ExpiresAt = request.ExpiresAt,
                Message = request.Message,
                DecidedAt = stored.DecidedAt,
                DecidedBy = stored.DecidedBy,
            };
    }

    private static string OutcomeText(Abstractions.Outcomes.DispatchOutcome outcome)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            OutcomeJson.Write(writer, outcome);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
