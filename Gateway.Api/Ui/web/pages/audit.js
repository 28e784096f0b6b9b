// Audit: GET /v1/audit with every filter it takes, paged by its total; a record's detail at #/audit/<action_id>.
import { h, fill, errorSlot, section, field, table, pager, time, badge } from '../dom.js';
import { renderRecord } from './audit-detail.js';

export const OUTCOMES = ['executed', 'deduplicated', 'suppressed', 'rerouted', 'throttled', 'failed', 'grouped', 'state_changed',
  'pending_approval', 'chain_started', 'scheduled', 'circuit_open'];
const TEXT_FILTERS = [['namespace', 'Namespace'], ['tenant', 'Tenant'], ['provider', 'Provider'], ['action_type', 'Action type'],
  ['verdict', 'Verdict'], ['matched_rule', 'Matched rule'], ['chain_id', 'Chain id']];
const TIME_FILTERS = [['from', 'From (your local time)'], ['to', 'To (your local time)']];
const LIMIT = 25;

// The list's filters and page survive a visit to a record's detail and back.
let state = null;

/** A datetime-local value (the browser's local time) as RFC 3339 UTC; '' stays ''. */
function toIso(local) {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

export default {
  id: 'audit',
  title: 'Audit',
  permission: 'AuditRead',
  async render(root, ctx, args) {
    if (args[0]) {
      await renderRecord(root, ctx, args[0]);
      root.dataset.ready = 'true';
      return;
    }
    state ??= { filters: { namespace: ctx.scope.namespace, tenant: ctx.scope.tenant }, offset: 0 };
    const slots = {};
    const controls = {};
    const filterField = (name, label, control) => {
      controls[name] = control;
      slots[name] = errorSlot();
      return h('div', { class: 'field-with-error' }, field(label, control), slots[name]);
    };
    const form = h('form', { class: 'filters', 'aria-label': 'Audit filters' },
      h('div', { class: 'row' },
        TEXT_FILTERS.map(([name, label]) => filterField(name, label,
          h('input', { id: `audit-${name}`, name, value: state.filters[name] ?? '', autocomplete: 'off' }))),
        filterField('outcome', 'Outcome', h('select', { id: 'audit-outcome', name: 'outcome' },
          h('option', { value: '' }, 'any'), OUTCOMES.map(o => h('option', { value: o, selected: state.filters.outcome === o }, o)))),
        TIME_FILTERS.map(([name, label]) => filterField(name, label,
          h('input', { id: `audit-${name}`, name, type: 'datetime-local', step: 1, value: state.filters[name] ?? '' })))),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Search'),
        h('button', { type: 'button', class: 'secondary', onclick: clear }, 'Clear filters')));
    const slot = errorSlot();
    const results = h('div', { class: 'audit-results' });
    form.addEventListener('submit', e => {
      e.preventDefault();
      state.filters = Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value.trim()]));
      state.offset = 0;
      search();
    });

    function clear() {
      for (const control of Object.values(controls)) control.value = '';
      state.filters = {};
      state.offset = 0;
      search();
    }

    async function search() {
      slot.clear();
      for (const s of Object.values(slots)) s.clear();
      const params = { ...state.filters, from: toIso(state.filters.from), to: toIso(state.filters.to), limit: LIMIT, offset: state.offset };
      let page;
      try {
        page = await ctx.api.get('/v1/audit', params);
      } catch (e) {
        fill(results);
        const placed = (e.details ?? []).filter(d => slots[d.path]);
        for (const d of placed) slots[d.path].show({ message: `${d.path} ${d.message}` });
        if (!placed.length) slot.show(e);
        return;
      }
      fill(results,
        table([
          { title: 'Dispatched', value: r => time(r.dispatched_at) },
          { title: 'Action', value: r => h('a', { href: `#/audit/${encodeURIComponent(r.action_id)}`, class: 'mono' }, r.action_id) },
          { title: 'Namespace', value: r => r.namespace },
          { title: 'Tenant', value: r => r.tenant },
          { title: 'Provider', value: r => r.provider },
          { title: 'Action type', value: r => r.action_type },
          { title: 'Outcome', value: r => badge(r.outcome) },
          { title: 'Verdict', value: r => r.verdict },
          { title: 'Rule', value: r => r.matched_rule ?? '' },
          { title: 'ms', value: r => String(r.duration_ms) },
        ], page.records, {
          empty: 'No audit record matches these filters.',
          rowAttrs: r => ({ class: 'clickable', dataset: { actionId: r.action_id }, onclick: e => { if (e.target.tagName !== 'A') ctx.navigate(`#/audit/${encodeURIComponent(r.action_id)}`); } }),
        }),
        page.total > 0 ? pager(page.offset, page.limit, page.total, offset => { state.offset = offset; search(); }) : null);
    }

    fill(root, section('Filters', form, slot), section('Records', results));
    await search();
    root.dataset.ready = 'true';
  },
};
