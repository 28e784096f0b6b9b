// One readable sentence for a dispatch outcome (the members of each outcome are the API contract's table).
import { h } from '../dom.js';

/** A sentence for an outcome object ({outcome, ...}). */
export function summarize(o) {
  switch (o?.outcome) {
    case 'executed': return `Executed: the provider answered ${o.response?.status ?? 'nothing'}${o.action_id ? ` (action ${o.action_id})` : ''}.`;
    case 'deduplicated': return `Deduplicated: dedup key ${o.dedup_key ?? '(none)'} was seen before; nothing was sent.`;
    case 'suppressed': return `Suppressed by rule ${o.rule}; nothing was sent.`;
    case 'rerouted': return `Rerouted from ${o.original_provider} to ${o.new_provider}: the provider answered ${o.response?.status ?? 'nothing'}.`;
    case 'throttled': return `Throttled by rule ${o.rule}: retry after ${o.retry_after_seconds} s.`;
    case 'failed': return `Failed: ${o.error?.code} ${o.error?.message ?? ''} (${o.error?.attempts ?? '?'} attempt(s), ${o.error?.retryable ? 'retryable' : 'not retryable'}).`;
    case 'grouped': return `Grouped into ${o.group_key} (${o.group_size} event(s)); notification at ${o.notify_at}.`;
    case 'state_changed': return o.rejected_transition
      ? `State of ${o.fingerprint} stays ${o.new_state}: the transition to ${o.rejected_transition} is not allowed.`
      : `State of ${o.fingerprint}: ${o.previous_state ?? '(new)'} → ${o.new_state}${o.notify ? ' (notified)' : ''}.`;
    case 'pending_approval': return `Pending approval ${o.approval_id} until ${o.expires_at}.`;
    case 'chain_started': return `Chain ${o.chain_name} started (${o.chain_id}): ${o.total_steps} step(s), first ${o.first_step}.`;
    case 'scheduled': return `Scheduled for ${o.scheduled_for} (action ${o.action_id}).`;
    case 'circuit_open': return `Not sent: the circuit breaker of ${o.provider} is open${o.fallback_provider ? ` (fallback ${o.fallback_provider})` : ' and no fallback is available'}.`;
    case 'dry_run': return `Dry run: verdict ${o.verdict}${o.matched_rule ? ` by rule ${o.matched_rule}` : ' (no rule matched)'}; it would go to ${o.would_be_provider}.`;
    default: return o?.outcome ? `Outcome ${o.outcome}.` : 'No outcome.';
  }
}

/** A trace of POST /v1/rules/evaluate as a table: every rule, its result and why. */
export function traceTable(trace) {
  return h('table', { class: 'trace' },
    h('caption', {}, 'Rule trace (in priority order)'),
    h('thead', {}, h('tr', {}, ['Rule', 'Priority', 'Enabled', 'Result', 'Reason', 'Condition', 'Action', 'Source'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, trace.map(t => h('tr', { class: `trace-${t.result}`, dataset: { rule: t.rule_name } },
      h('td', {}, t.rule_name), h('td', {}, String(t.priority)), h('td', {}, t.enabled ? 'yes' : 'no'),
      h('td', {}, h('span', { class: `badge badge-${t.result}` }, t.result)), h('td', {}, t.reason ?? ''),
      h('td', {}, h('code', {}, t.condition ?? '')), h('td', {}, t.action), h('td', {}, t.source)))));
}
