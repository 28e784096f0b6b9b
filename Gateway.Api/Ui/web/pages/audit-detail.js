// One audit record (GET /v1/audit/{action_id}): every field, the payload and the outcome's details.
import { h, fill, errorBox, section, time, json, badge } from '../dom.js';

export async function renderRecord(root, ctx, actionId) {
  const back = h('p', {}, h('a', { href: '#/audit' }, '← Back to the audit list'));
  let record;
  try {
    record = await ctx.api.get(`/v1/audit/${encodeURIComponent(actionId)}`);
  } catch (e) {
    fill(root, back, errorBox(e));
    return;
  }
  const rows = [
    ['Action id', h('code', {}, record.action_id)],
    ['Record id', h('code', {}, record.id)],
    ['Outcome', badge(record.outcome)],
    ['Verdict', record.verdict],
    ['Matched rule', record.matched_rule ?? '(none)'],
    ['Namespace', record.namespace],
    ['Tenant', record.tenant],
    ['Provider', record.provider],
    ['Action type', record.action_type],
    ['Chain', record.chain_id ?? '(none)'],
    ['Dispatched', time(record.dispatched_at)],
    ['Completed', time(record.completed_at)],
    ['Duration', `${record.duration_ms} ms`],
    ['Kept until', record.expires_at ? time(record.expires_at) : 'for ever'],
    ['Caller', `${record.caller_id || '(anonymous)'} (${record.auth_method})`],
  ];
  const labels = Object.entries(record.metadata ?? {});
  fill(root, back,
    section(`Record of ${record.action_type}`,
      h('dl', { class: 'record' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      labels.length ? h('p', {}, 'Labels: ', labels.map(([k, v]) => h('span', { class: 'badge' }, `${k}=${v}`))) : null),
    section('Payload', record.action_payload == null ? h('p', { class: 'empty' }, 'The payload was not kept.') : json(record.action_payload)),
    section('Outcome details', record.outcome_details == null ? h('p', { class: 'empty' }, 'No details.') : json(record.outcome_details)));
}
