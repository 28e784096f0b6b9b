// Events: the fingerprints of the scope's state machines (filter by state), one with its history and the transitions
// its machine allows from the current state as buttons (EventsManage).
import { h, fill, table, field, pager, time, badge, section, actionButton, errorBox, scopeMissing, facts } from '../dom.js';

const LIMIT = 50;

export default {
  id: 'events',
  title: 'Events',
  permission: 'EventsRead',
  render(root, ctx, [fingerprint]) {
    if (scopeMissing(root, ctx)) return;
    return fingerprint ? renderDetail(root, ctx, fingerprint) : renderList(root, ctx);
  },
};

const link = e => h('a', { href: `#/events/${encodeURIComponent(e.fingerprint)}` }, e.fingerprint);

async function renderList(root, ctx) {
  const status = h('input', { name: 'status', autocomplete: 'off', placeholder: 'any' });
  const form = h('form', { class: 'row', 'aria-label': 'Filter the events' },
    field('State', status), h('button', { type: 'submit' }, 'Filter'));
  const results = h('div', { class: 'results' });
  const load = async offset => {
    try {
      const page = await ctx.api.get('/v1/events', { ...ctx.scope, status: status.value.trim(), limit: LIMIT, offset });
      fill(results,
        table([
          { title: 'Fingerprint', value: link },
          { title: 'State', value: e => badge(e.state) },
          { title: 'State machine', value: e => e.state_machine },
          { title: 'Action type', value: e => e.action_type },
          { title: 'Updated', value: e => time(e.updated_at) },
        ], page.events, { empty: 'No event of this namespace and tenant is in a state machine.', caption: `${page.total} events` }),
        page.total > LIMIT ? pager(offset, LIMIT, page.total, load) : null);
    } catch (e) {
      fill(results, errorBox(e));
    }
    root.dataset.ready = 'true';
  };
  form.addEventListener('submit', e => { e.preventDefault(); load(0); });
  fill(root, section('Fingerprints', form, results));
  await load(0);
}

async function renderDetail(root, ctx, fingerprint) {
  const reload = () => renderDetail(root, ctx, fingerprint);
  let event;
  try {
    event = await ctx.api.get(`/v1/events/${encodeURIComponent(fingerprint)}`, ctx.scope);
  } catch (e) {
    fill(root, back(), errorBox(e));
    root.dataset.ready = 'true';
    return;
  }
  const targets = event.allowed_transitions ?? [];
  const transitions = !ctx.can('EventsManage') ? null
    : targets.length === 0 ? h('p', { class: 'empty' }, `The state machine allows no transition from '${event.state}'.`)
    : h('div', { class: 'buttons' }, targets.map(to => actionButton(`Move to ${to}`,
      () => ctx.api.put(`/v1/events/${encodeURIComponent(fingerprint)}/transition`, { to_state: to, ...ctx.scope }),
      { name: `transition-${to}`, then: reload })));
  fill(root, back(),
    section(event.fingerprint,
      facts([['State', badge(event.state)], ['State machine', event.state_machine], ['Action type', event.action_type],
        ['Updated', time(event.updated_at)],
        ['Allowed next', targets.length ? targets.join(', ') : 'none']]),
      transitions),
    section('History',
      table([
        { title: 'From', value: s => s.from ?? '' },
        { title: 'To', value: s => badge(s.to) },
        { title: 'At', value: s => time(s.at) },
        { title: 'By', value: s => s.by },
      ], event.history, { empty: 'No transition yet.' })));
  root.dataset.ready = 'true';
}

const back = () => h('a', { class: 'back', href: '#/events' }, '← All events');
