// Groups: the scope's live groups, one with its events' payloads, and "Flush now" (GroupsManage) that sends its
// notification at once.
import { h, fill, table, pager, time, badge, section, actionButton, errorBox, scopeMissing, facts, json } from '../dom.js';

const LIMIT = 50;

export default {
  id: 'groups',
  title: 'Groups',
  permission: 'GroupsRead',
  render(root, ctx, [key]) {
    if (scopeMissing(root, ctx)) return;
    return key ? renderDetail(root, ctx, key) : renderList(root, ctx);
  },
};

const labels = g => Object.entries(g.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');

async function renderList(root, ctx) {
  const results = h('div', { class: 'results' });
  const load = async offset => {
    try {
      const page = await ctx.api.get('/v1/groups', { ...ctx.scope, limit: LIMIT, offset });
      fill(results,
        table([
          { title: 'Group key', value: g => h('a', { href: `#/groups/${encodeURIComponent(g.group_key)}` }, g.group_key) },
          { title: 'Events', value: g => String(g.event_count) },
          { title: 'State', value: g => badge(g.state) },
          { title: 'Labels', value: labels },
          { title: 'Notify at', value: g => time(g.notify_at) },
          { title: 'Created', value: g => time(g.created_at) },
        ], page.groups, { empty: 'No group is waiting in this namespace and tenant.', caption: `${page.total} groups` }),
        page.total > LIMIT ? pager(offset, LIMIT, page.total, load) : null);
    } catch (e) {
      fill(results, errorBox(e));
    }
    root.dataset.ready = 'true';
  };
  fill(root, section('Live groups', results));
  await load(0);
}

async function renderDetail(root, ctx, key) {
  const back = h('a', { class: 'back', href: '#/groups' }, '← All groups');
  let group;
  try {
    group = await ctx.api.get(`/v1/groups/${encodeURIComponent(key)}`, ctx.scope);
  } catch (e) {
    fill(root, back, errorBox(e));
    root.dataset.ready = 'true';
    return;
  }
  const result = h('p', { role: 'status' });
  const flush = ctx.can('GroupsManage')
    ? actionButton('Flush now', async () => {
      const flushed = await ctx.api.del(`/v1/groups/${encodeURIComponent(key)}?${new URLSearchParams(ctx.scope)}`);
      fill(result, `Flushed: the notification for ${flushed.event_count} events of group ${flushed.group_id} was sent.`);
    }, { name: 'flush' })
    : null;
  fill(root, back,
    section(group.group_key,
      facts([['Group id', group.group_id], ['State', badge(group.state)], ['Events', String(group.event_count)],
        ['Labels', labels(group) || 'none'], ['Notify at', time(group.notify_at)], ['Created', time(group.created_at)]]),
      flush, result),
    section(`Events (${group.events.length})`,
      group.events.length ? h('ol', { class: 'events' }, group.events.map(p => h('li', {}, json(p)))) : h('p', { class: 'empty' }, 'No event.')));
  root.dataset.ready = 'true';
}
