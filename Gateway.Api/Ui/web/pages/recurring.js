// Recurring actions: the scope's list (enabled filter), create, and one action's detail with edit (a partial PUT of
// the changed fields), pause/resume and delete (RecurringManage). The next occurrence is shown in the action's own time
// zone and in the browser's (the API gives the next one; the page does not compute cron itself).
import { h, fill, table, field, time, badge, section, actionButton, errorBox, scopeMissing, facts, json } from '../dom.js';
import { recurringForm } from './recurring-form.js';

export default {
  id: 'recurring',
  title: 'Recurring',
  permission: 'RecurringRead',
  render(root, ctx, [id]) {
    if (scopeMissing(root, ctx)) return;
    return id ? renderDetail(root, ctx, id) : renderList(root, ctx);
  },
};

const scoped = (ctx, path) => `${path}?${new URLSearchParams(ctx.scope)}`;
const itemPath = id => `/v1/recurring/${encodeURIComponent(id)}`;

/** The time in the action's zone (a zone the browser does not know shows in UTC, named). */
function inZone(iso, zone) {
  if (!iso) return 'none';
  try {
    return time(iso, zone || 'UTC');
  } catch {
    return h('span', {}, time(iso, 'UTC'), ` (the browser does not know ${zone})`);
  }
}

async function renderList(root, ctx) {
  const enabled = h('select', { name: 'enabled' },
    h('option', { value: '' }, 'any'), h('option', { value: 'true' }, 'active'), h('option', { value: 'false' }, 'paused'));
  const results = h('div', { class: 'results' });
  const load = async () => {
    try {
      const page = await ctx.api.get('/v1/recurring', { ...ctx.scope, enabled: enabled.value });
      fill(results, table([
        { title: 'Recurring id', value: r => h('a', { href: `#/recurring/${encodeURIComponent(r.recurring_id)}` }, r.recurring_id) },
        { title: 'Description', value: r => r.description ?? '' },
        { title: 'Cron', value: r => h('code', {}, r.cron_expr) },
        { title: 'Time zone', value: r => r.timezone },
        { title: 'State', value: r => badge(r.enabled ? 'active' : 'paused') },
        { title: 'Next occurrence (its zone)', value: r => inZone(r.next_execution, r.timezone) },
        { title: 'Action', value: r => `${r.action_type} → ${r.provider}` },
        { title: 'Runs', value: r => String(r.execution_count) },
      ], page.recurring_actions, { empty: 'No recurring action of this state in this namespace and tenant.', caption: `${page.total} recurring actions` }));
    } catch (e) {
      fill(results, errorBox(e));
    }
    root.dataset.ready = 'true';
  };
  enabled.addEventListener('change', load);
  const create = ctx.can('RecurringManage')
    ? section('New recurring action', recurringForm({ timezone: 'UTC', payload: {} }, 'Create', async values => {
      const body = { ...ctx.scope };
      for (const [k, v] of Object.entries(values)) if (v !== null) body[k] = v;
      const created = await ctx.api.post('/v1/recurring', body);
      ctx.navigate(`#/recurring/${encodeURIComponent(created.recurring_id)}`);
    }))
    : null;
  fill(root, section('Recurring actions', h('div', { class: 'row' }, field('State', enabled)), results), create);
  await load();
}

async function renderDetail(root, ctx, id) {
  const back = h('a', { class: 'back', href: '#/recurring' }, '← All recurring actions');
  const reload = () => renderDetail(root, ctx, id);
  let r;
  try {
    r = await ctx.api.get(itemPath(id), ctx.scope);
  } catch (e) {
    fill(root, back, errorBox(e));
    root.dataset.ready = 'true';
    return;
  }
  const manage = ctx.can('RecurringManage');
  const buttons = manage ? h('div', { class: 'buttons' },
    r.enabled
      ? actionButton('Pause', () => ctx.api.post(scoped(ctx, `${itemPath(id)}/pause`)), { name: 'pause', then: reload })
      : actionButton('Resume', () => ctx.api.post(scoped(ctx, `${itemPath(id)}/resume`)), { name: 'resume', then: reload }),
    actionButton('Delete', () => ctx.api.del(scoped(ctx, itemPath(id))), { danger: true, name: 'delete', then: () => ctx.navigate('#/recurring') }))
    : null;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  fill(root, back,
    section(r.description || r.recurring_id,
      facts([['Recurring id', h('code', {}, r.recurring_id)], ['State', badge(r.enabled ? 'active' : 'paused')],
        ['Cron', h('code', {}, r.cron_expr)], ['Time zone', r.timezone],
        [`Next occurrence (${r.timezone})`, h('span', { class: 'next-own' }, inZone(r.next_execution, r.timezone))],
        [`Next occurrence (${browserZone}, this browser)`, r.next_execution ? h('span', { class: 'next-browser' }, time(r.next_execution)) : 'none'],
        ['Last run', r.last_executed_at ? time(r.last_executed_at, r.timezone) : 'never'],
        ['Runs', String(r.execution_count)], ['Missed', r.missed_count === undefined ? null : String(r.missed_count)],
        ['Action', `${r.action_type} → ${r.provider}`], ['Max executions', r.max_executions == null ? 'no limit' : String(r.max_executions)],
        ['Created', time(r.created_at)], ['Updated', time(r.updated_at)]]),
      buttons),
    manage
      ? section('Edit', recurringForm(r, 'Save changes', async (values, changed) => {
        if (!changed.length) throw new Error('nothing changed: edit a field first');
        const patch = Object.fromEntries(changed.map(name => [name, values[name]]));
        await ctx.api.put(scoped(ctx, itemPath(id)), patch);
        await reload();
      }))
      : section('Payload', json(r.payload)));
  root.dataset.ready = 'true';
}
