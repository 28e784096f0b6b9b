// Chains: the scope's chains (filter by status), one with its steps, and Cancel (ChainsManage) while it runs.
import { h, fill, table, field, pager, time, badge, section, actionButton, errorBox, scopeMissing, facts, json } from '../dom.js';

const LIMIT = 50;
const STATUSES = ['running', 'completed', 'failed', 'cancelled', 'timed_out'];

export default {
  id: 'chains',
  title: 'Chains',
  permission: 'ChainsRead',
  render(root, ctx, [id]) {
    if (scopeMissing(root, ctx)) return;
    return id ? renderDetail(root, ctx, id) : renderList(root, ctx);
  },
};

async function renderList(root, ctx) {
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'any'), STATUSES.map(s => h('option', { value: s }, s)));
  const results = h('div', { class: 'results' });
  const load = async offset => {
    try {
      const page = await ctx.api.get('/v1/chains', { ...ctx.scope, status: status.value, limit: LIMIT, offset });
      fill(results,
        table([
          { title: 'Chain id', value: c => h('a', { href: `#/chains/${encodeURIComponent(c.chain_id)}` }, c.chain_id) },
          { title: 'Chain', value: c => c.chain_name },
          { title: 'Status', value: c => badge(c.status) },
          { title: 'Step', value: c => `${Math.min(c.current_step + 1, c.total_steps)} of ${c.total_steps}` },
          { title: 'Started', value: c => time(c.started_at) },
          { title: 'Updated', value: c => time(c.updated_at) },
        ], page.chains, { empty: 'No chain of this status in this namespace and tenant.', caption: `${page.total} chains` }),
        page.total > LIMIT ? pager(offset, LIMIT, page.total, load) : null);
    } catch (e) {
      fill(results, errorBox(e));
    }
    root.dataset.ready = 'true';
  };
  status.addEventListener('change', () => load(0));
  fill(root, section('Chains', h('div', { class: 'row' }, field('Status', status)), results));
  await load(0);
}

async function renderDetail(root, ctx, id) {
  const back = h('a', { class: 'back', href: '#/chains' }, '← All chains');
  const path = `/v1/chains/${encodeURIComponent(id)}`;
  let chain;
  try {
    chain = await ctx.api.get(path, ctx.scope);
  } catch (e) {
    fill(root, back, errorBox(e));
    root.dataset.ready = 'true';
    return;
  }
  const cancel = ctx.can('ChainsManage') && chain.status === 'running'
    ? actionButton('Cancel chain', () => ctx.api.post(`${path}/cancel`, { ...ctx.scope, reason: 'cancelled from the dashboard' }),
      { danger: true, name: 'cancel', then: () => renderDetail(root, ctx, id) })
    : null;
  fill(root, back,
    section(`${chain.chain_name} ${chain.chain_id}`,
      facts([['Status', badge(chain.status)], ['Step', `${Math.min(chain.current_step + 1, chain.total_steps)} of ${chain.total_steps}`],
        ['Origin action', chain.origin_action_id], ['Started', time(chain.started_at)], ['Updated', time(chain.updated_at)],
        ['Expires', time(chain.expires_at)], ['Cancel reason', chain.cancel_reason],
        ['Path so far', (chain.execution_path ?? []).join(' → ')]]),
      cancel),
    section('Steps', table([
      { title: 'Step', value: s => s.name },
      { title: 'Provider', value: s => s.provider },
      { title: 'Status', value: s => badge(s.status) },
      { title: 'Attempt', value: s => String(s.attempt ?? '') },
      { title: 'Completed', value: s => time(s.completed_at) },
      { title: 'Response body', value: s => s.response_body == null ? '' : json(s.response_body) },
      { title: 'Error', value: s => s.error ?? '' },
    ], chain.steps)));
  root.dataset.ready = 'true';
}
