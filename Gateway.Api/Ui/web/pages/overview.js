// Overview: counters per outcome, dispatches over the last hour by outcome, provider health with breaker states and
// the live feed. A part the caller may not read (e.g. /metrics needs MetricsRead) is left out.
import { h, fill, section, table, badge, errorBox } from '../dom.js';
import { outcomeChart } from './overview-chart.js';
import { activityFeed } from './overview-feed.js';

const HOUR = 3_600_000;
const HISTORY_LIMIT = 1000;
const REFRESH_MS = 15_000;
const ms = v => (Math.round(v * 10) / 10).toString();

function counters(metrics) {
  return h('div', { class: 'counters' }, Object.entries(metrics).map(([name, value]) =>
    h('div', { class: `counter counter-${name}`, dataset: { counter: name } }, h('span', { class: 'counter-value' }, String(value)), h('span', {}, name))));
}

function providers(list) {
  return table([
    { title: 'Provider', value: p => h('strong', {}, p.name) },
    { title: 'Type', value: p => p.type },
    { title: 'Health', value: p => [badge(p.status), p.error ? h('small', { class: 'muted' }, ` ${p.error.code}: ${p.error.message}`) : null] },
    { title: 'Circuit breaker', value: p => p.circuit_breaker ? badge(p.circuit_breaker) : 'off' },
    { title: 'Calls', value: p => `${p.succeeded} ok / ${p.failed} failed` },
    { title: 'Success rate', value: p => p.total ? `${Math.round(p.success_rate * 1000) / 10} %` : '–' },
    { title: 'Latency p50 / p95 / p99', value: p => p.total ? `${ms(p.latency_ms.p50)} / ${ms(p.latency_ms.p95)} / ${ms(p.latency_ms.p99)} ms` : '–' },
    { title: 'Last error', value: p => p.last_errors?.length ? `${p.last_errors.at(-1).code}: ${p.last_errors.at(-1).message}` : '' },
  ], list, { empty: 'No provider is configured.', rowAttrs: p => ({ dataset: { provider: p.name } }) });
}

/** A part that reloads itself: its failure shows in its own card, the other parts stay. */
async function refresh(slot, load, draw) {
  try {
    fill(slot, draw(await load()));
  } catch (e) {
    fill(slot, errorBox(e));
  }
}

export default {
  id: 'overview',
  title: 'Overview',
  permission: 'ProvidersRead',
  async render(root, ctx) {
    const parts = [];
    const loads = [];
    const metricsSlot = h('div', {});
    const providersSlot = h('div', {});
    if (ctx.can('MetricsRead')) {
      parts.push(section('Dispatches by outcome (since start of this node)', metricsSlot));
      loads.push(() => refresh(metricsSlot, () => ctx.api.get('/metrics'), counters));
    }

    const chart = ctx.can('AuditRead') ? outcomeChart() : null;
    const chartNote = h('p', { class: 'muted' });
    if (chart) parts.push(section('Dispatches per minute, last hour', chart.element, chartNote));

    parts.push(section('Providers and circuit breakers', providersSlot));
    loads.push(() => refresh(providersSlot, () => ctx.api.get('/v1/providers/health'), answer => providers(answer.providers)));

    const feed = ctx.can('StreamSubscribe') ? activityFeed(ctx) : null;
    if (feed) parts.push(section('Live activity', feed.element));
    fill(root, h('div', { class: 'overview' }, parts));

    // The feed starts first so no dispatch falls between the history and the stream (the chart counts each id once).
    const stopFeed = feed?.start(e => { chart?.add(e.action_id, e.outcome?.outcome, e.timestamp); chart?.schedule(); });
    const history = chart ? (async () => {
      try {
        const page = await ctx.api.get('/v1/audit', { from: new Date(Date.now() - HOUR).toISOString(), limit: HISTORY_LIMIT });
        for (const r of page.records) chart.add(r.action_id, r.outcome, r.dispatched_at);
        fill(chartNote, page.total > page.records.length
          ? `Showing the newest ${page.records.length} of ${page.total} dispatches of the last hour, then every new one live.`
          : `From the audit trail (${page.total} in the last hour), then every new dispatch live.`);
      } catch (e) {
        fill(chartNote, errorBox(e));
      }
      chart.render();
    })() : null;
    await Promise.all([...loads.map(load => load()), history]);
    root.dataset.ready = 'true';

    const timer = setInterval(() => { for (const load of loads) load(); chart?.schedule(); }, REFRESH_MS);
    return () => { clearInterval(timer); stopFeed?.(); };
  },
};
