using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Audit;
using Acteon.Grains.Execution;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Chains;

/// <summary>
/// The audit records of a chain, all with its <c>chain_id</c> and verdict <c>chain</c>: one per step run
/// (<c>chain_step_completed|chain_step_failed|chain_step_skipped</c>) and one at its end
/// (<c>chain_completed|chain_failed|chain_timed_out|chain_cancelled</c>).
/// </summary>
public sealed class ChainAudit(IAuditSink sink, IOptions<AuditOptions> options)
{
    public const string Verdict = "chain";
    private static readonly DispatchContext Context = new() { CallerId = "chain" };
    private readonly AuditOptions _options = options.Value;

    internal Task StepAsync(ChainState chain, GatewayAction action, ExecutionResult result, string stepStatus, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        DispatchOutcome outcome = result.Response is { } response
            ? new ExecutedOutcome(action.Id, response)
            : new FailedOutcome(action.Id, result.Error!, result.Attempts);
        var record = AuditRecordFactory.Create(action, outcome, Verdict, chain.Rule, Context, startedAt, completedAt, _options) with
        {
            ChainId = chain.ChainId,
            Outcome = $"chain_step_{stepStatus}",
        };
        return sink.EnqueueAsync(record, CancellationToken.None).AsTask();
    }

    internal Task FinishedAsync(ChainState chain, DateTimeOffset at)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        var origin = chain.Origin!;
        var details = JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["status"] = chain.Status,
            ["chain_name"] = chain.Definition!.Name,
            ["execution_path"] = string.Join(",", chain.Path),
            ["reason"] = chain.CancelReason,
        }, ChainsJsonContext.Default.DictionaryStringString);
        var record = new AuditRecord
        {
            Id = Guid.CreateVersion7(at).ToString(),
            ActionId = origin.Id,
            ChainId = chain.ChainId,
            Namespace = origin.Namespace,
            Tenant = origin.Tenant,
            Provider = origin.Provider,
            ActionType = origin.ActionType,
            Verdict = Verdict,
            MatchedRule = chain.Rule,
            Outcome = $"chain_{chain.Status}",
            OutcomeDetails = details,
            DispatchedAt = chain.StartedAt,
            CompletedAt = at,
            DurationMs = (long)(at - chain.StartedAt).TotalMilliseconds,
            ExpiresAt = at + _options.Ttl,
            CallerId = Context.CallerId,
        };
        return sink.EnqueueAsync(record, CancellationToken.None).AsTask();
    }
}
