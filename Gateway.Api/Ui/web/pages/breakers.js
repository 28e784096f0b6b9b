// Circuit breakers: every provider's breaker (cluster-wide state, thresholds, fallback), refreshed every few seconds,
// with Trip and Reset (CircuitBreakersManage). Not scoped: breakers belong to the whole gateway.
import { h, fill, table, time, badge, section, actionButton, errorBox } from '../dom.js';

const REFRESH_MS = 2000;

export default {
  id: 'breakers',
  title: 'Circuit breakers',
  permission: 'CircuitBreakersRead',
  async render(root, ctx) {
    const results = h('div', { class: 'results' });
    const refreshed = h('p', { class: 'empty' });
    let running = false;
    const load = async () => {
      if (running) return;
      running = true;
      try {
        const { circuit_breakers: breakers } = await ctx.api.get('/admin/circuit-breakers');
        // A focused button (or one showing its error) is not replaced under the user: only the cells change.
        if (results.querySelector('table') && sameProviders(results, breakers)) update(results, breakers);
        else fill(results, table(columns(ctx, load), breakers, { empty: 'No provider is configured.', rowAttrs: b => ({ 'data-provider': b.provider }) }));
        fill(refreshed, 'Refreshed ', time(new Date().toISOString()));
      } catch (e) {
        fill(results, errorBox(e));
      } finally {
        running = false;
      }
      root.dataset.ready = 'true';
    };
    fill(root, section('Breakers', results, refreshed));
    await load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  },
};

function columns(ctx, reload) {
  const cols = [
    { title: 'Provider', value: b => b.provider },
    { title: 'State', value: b => h('span', { class: 'state' }, badge(b.state)) },
    { title: 'Failure threshold', value: b => String(b.failure_threshold) },
    { title: 'Success threshold', value: b => String(b.success_threshold) },
    { title: 'Recovery timeout', value: b => `${b.recovery_timeout_seconds} s` },
    { title: 'Fallback provider', value: b => b.fallback_provider ?? 'none' },
  ];
  if (ctx.can('CircuitBreakersManage')) {
    const path = (b, verb) => `/admin/circuit-breakers/${encodeURIComponent(b.provider)}/${verb}`;
    cols.push({ title: 'Change', value: b => h('div', { class: 'buttons' },
      actionButton(`Trip ${b.provider}`, () => ctx.api.post(path(b, 'trip')), { danger: true, name: `trip-${b.provider}`, then: reload }),
      actionButton(`Reset ${b.provider}`, () => ctx.api.post(path(b, 'reset')), { name: `reset-${b.provider}`, then: reload })) });
  }
  return cols;
}

function sameProviders(results, breakers) {
  const rows = [...results.querySelectorAll('tbody tr')].map(r => r.dataset.provider);
  return rows.length === breakers.length && breakers.every((b, i) => rows[i] === b.provider);
}

function update(results, breakers) {
  const rows = results.querySelectorAll('tbody tr');
  breakers.forEach((b, i) => fill(rows[i].querySelector('.state'), badge(b.state)));
}
