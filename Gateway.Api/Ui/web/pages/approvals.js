// Approvals: the pending ones first, each with Approve and Reject (ApprovalsDecide: the authenticated decision, the same
// path as the signed links), then the decided ones by status.
import { h, fill, table, field, pager, time, badge, section, actionButton, errorBox, scopeMissing } from '../dom.js';

const LIMIT = 50;
const DECIDED = ['approved', 'rejected', 'expired'];

export default {
  id: 'approvals',
  title: 'Approvals',
  permission: 'ApprovalsRead',
  async render(root, ctx) {
    if (scopeMissing(root, ctx)) return;
    const pending = h('div', { class: 'results' });
    const decided = h('div', { class: 'results' });
    const status = h('select', { name: 'status' }, h('option', { value: '' }, 'any'), DECIDED.map(s => h('option', { value: s }, s)));
    const reload = () => Promise.all([loadPending(0), loadDecided(0)]);
    // A refused decision (e.g. 409: decided elsewhere) keeps its error beside the button and shows the approval as it is now below.
    const decide = (a, decision) => ctx.api.post(`/v1/approvals/${[a.namespace, a.tenant, a.id].map(encodeURIComponent).join('/')}/decision`, { decision })
      .catch(e => { loadDecided(0); throw e; });

    const loadPending = async offset => {
      try {
        const page = await ctx.api.get('/v1/approvals', { ...ctx.scope, status: 'pending', limit: LIMIT, offset });
        fill(pending, table(columns(ctx, decide, reload, true), page.approvals, { empty: 'No approval is waiting.', caption: `${page.total} pending` }),
          page.total > LIMIT ? pager(offset, LIMIT, page.total, loadPending) : null);
      } catch (e) {
        fill(pending, errorBox(e));
      }
    };
    const loadDecided = async offset => {
      try {
        const page = await ctx.api.get('/v1/approvals', { ...ctx.scope, status: status.value, limit: LIMIT, offset });
        fill(decided, table(columns(ctx, decide, reload, false), page.approvals, { empty: 'No approval of this status.', caption: `${page.total} listed` }),
          page.total > LIMIT ? pager(offset, LIMIT, page.total, loadDecided) : null);
      } catch (e) {
        fill(decided, errorBox(e));
      }
    };
    status.addEventListener('change', () => loadDecided(0));
    fill(root,
      section('Pending', pending),
      section('All approvals', h('div', { class: 'row' }, field('Status', status)), decided));
    await reload();
    root.dataset.ready = 'true';
  },
};

function columns(ctx, decide, reload, pending) {
  const cols = [
    { title: 'Id', value: a => h('code', {}, a.id) },
    { title: 'Action type', value: a => a.action_type },
    { title: 'Provider', value: a => a.provider },
    { title: 'Rule', value: a => a.rule },
    { title: 'Message', value: a => a.message ?? '' },
    { title: 'Status', value: a => badge(a.status) },
    { title: 'Created', value: a => time(a.created_at) },
    pending ? { title: 'Expires', value: a => time(a.expires_at) }
      : { title: 'Decided', value: a => a.decided_at ? h('span', {}, time(a.decided_at), a.decided_by ? ` by ${a.decided_by}` : '') : '' },
  ];
  if (pending && ctx.can('ApprovalsDecide')) {
    cols.push({ title: 'Decision', value: a => h('div', { class: 'buttons' }, ['approve', 'reject'].map(decision =>
      actionButton(decision === 'approve' ? 'Approve' : 'Reject',
        () => decide(a, decision),
        { danger: decision === 'reject', name: `${decision}-${a.id}`, then: reload }))) });
  }
  return cols;
}
