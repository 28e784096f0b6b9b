// Dispatches over the last hour by outcome: a hand-made SVG of stacked bars, one per minute, fed by the audit trail
// at load and by the live stream after it (each action counted once, by its id).
const NS = 'http://www.w3.org/2000/svg';
const MINUTE = 60_000;
const MINUTES = 60;
const W = 760, H = 220, LEFT = 40, RIGHT = 8, TOP = 10, BOTTOM = 26;

export const COLOURS = {
  executed: '#2e8b57', failed: '#c0392b', suppressed: '#7f8c8d', deduplicated: '#2f6fd0', throttled: '#d68910',
  rerouted: '#8e44ad', grouped: '#16a085', state_changed: '#34495e', pending_approval: '#e67e22', chain_started: '#17a2b8',
  scheduled: '#8d6e63', circuit_open: '#7b1f1f',
};
const colour = outcome => COLOURS[outcome] ?? '#95a5a6';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

/** The smallest of 1, 2, 5 × 10^k at or above n: a round top for the axis. */
const roundUp = n => {
  const step = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map(m => m * step).find(v => v >= n);
};

const clock = t => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** The chart: { element, add(actionId, outcome, isoTime), render(), counted }. */
export function outcomeChart() {
  const buckets = new Map(); // minute start (ms) → Map(outcome → count)
  const seen = new Set();
  const element = document.createElement('figure');
  element.className = 'chart';
  let pending = false;

  function add(actionId, outcome, at) {
    if (!outcome) return;
    if (actionId) {
      if (seen.has(actionId)) return;
      seen.add(actionId);
    }
    const t = Date.parse(at);
    if (Number.isNaN(t)) return;
    const minute = Math.floor(t / MINUTE) * MINUTE;
    const bucket = buckets.get(minute) ?? new Map();
    bucket.set(outcome, (bucket.get(outcome) ?? 0) + 1);
    buckets.set(minute, bucket);
  }

  /** Re-draws on the next frame (many events in a burst draw once). */
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  }

  function render() {
    const last = Math.floor(Date.now() / MINUTE) * MINUTE;
    const first = last - (MINUTES - 1) * MINUTE;
    for (const minute of buckets.keys()) if (minute < first) buckets.delete(minute);
    const totals = new Map();
    let max = 1;
    for (const [minute, bucket] of buckets) {
      if (minute > last) continue;
      let sum = 0;
      for (const [outcome, n] of bucket) { sum += n; totals.set(outcome, (totals.get(outcome) ?? 0) + n); }
      max = Math.max(max, sum);
    }
    max = roundUp(max);
    const outcomes = [...totals.keys()].sort();
    const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM, barW = plotW / MINUTES;
    const y = n => TOP + plotH - (n / max) * plotH;
    const grid = [0, max / 2, max].filter(v => Number.isInteger(v)).map(v => svg('g', {},
      svg('line', { x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v), class: 'grid' }),
      svg('text', { x: LEFT - 4, y: y(v) + 4, 'text-anchor': 'end' }, String(v))));
    const bars = [];
    for (let i = 0; i < MINUTES; i++) {
      const minute = first + i * MINUTE;
      const bucket = buckets.get(minute);
      if (!bucket) continue;
      let base = 0;
      for (const outcome of outcomes) {
        const n = bucket.get(outcome) ?? 0;
        if (!n) continue;
        bars.push(svg('rect', {
          x: LEFT + i * barW + 1, width: Math.max(1, barW - 2), y: y(base + n), height: y(base) - y(base + n),
          fill: colour(outcome), 'data-outcome': outcome, 'data-count': n,
        }, svg('title', {}, `${clock(minute)} ${outcome}: ${n}`)));
        base += n;
      }
    }
    const ticks = [];
    for (let i = 0; i < MINUTES; i += 10) {
      ticks.push(svg('text', { x: LEFT + i * barW, y: H - 8, 'text-anchor': 'start' }, clock(first + i * MINUTE)));
    }
    const summary = outcomes.length
      ? outcomes.map(o => `${o} ${totals.get(o)}`).join(', ')
      : 'no dispatches';
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Dispatches per minute over the last hour by outcome: ${summary}` },
      svg('title', {}, `Dispatches per minute, last hour: ${summary}`), ...grid, ...bars, ...ticks);
    const legend = document.createElement('figcaption');
    legend.className = 'legend';
    if (!outcomes.length) legend.textContent = 'No dispatch in the last hour.';
    for (const o of outcomes) {
      const item = document.createElement('span');
      item.className = 'legend-item';
      item.dataset.outcome = o;
      const swatch = document.createElement('i');
      swatch.style.background = colour(o);
      item.append(swatch, `${o}: ${totals.get(o)}`);
      legend.append(item);
    }
    element.replaceChildren(chart, legend);
  }

  return { element, add, render, schedule };
}
