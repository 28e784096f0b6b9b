// Small DOM helpers shared by every page: element building, tables, forms, buttons with their errors beside them.

/** h('button', {class: 'x', onclick: f}, 'text', child) → element; null/false children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An error box naming what went wrong: the API's message, and each field it named. */
export function errorBox(error) {
  const details = (error?.details ?? []).map(d => h('li', {}, `${d.path ?? d.field ?? ''} ${d.message ?? ''}`.trim()));
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, error?.status ? `${error.status}: ` : ''), error?.message ?? String(error),
    details.length ? h('ul', {}, details) : null);
}

/** A slot that shows one error at a time, placed next to what caused it. */
export function errorSlot() {
  const slot = h('div', { class: 'error-slot', 'aria-live': 'polite' });
  slot.show = error => fill(slot, error ? errorBox(error) : null);
  slot.clear = () => fill(slot);
  return slot;
}

/**
 * A button that runs `action` (async), disables itself while it runs and shows a failure in a slot right after it.
 * `then` runs after success (e.g. reload the page's data).
 */
export function actionButton(label, action, { danger = false, then, title, name } = {}) {
  const slot = errorSlot();
  const button = h('button', { type: 'button', class: danger ? 'danger' : null, title, 'data-action': name ?? label },
    label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    slot.clear();
    try {
      await action();
      if (then) await then();
    } catch (e) {
      slot.show(e);
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'action' }, button, slot);
}

/**
 * A table: `columns` = [{ title, value: row => text|Node }]; `empty` is shown when there are no rows.
 */
export function table(columns, rows, { empty = 'Nothing here yet.', caption, rowAttrs } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.title)))),
    h('tbody', {}, rows.map(row => h('tr', rowAttrs ? rowAttrs(row) : {}, columns.map(c => h('td', {}, c.value(row)))))));
}

/** A labelled form control. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', {}, label), control, hint ? h('small', {}, hint) : null);
}

/** Paging controls for a list answered with `total`. */
export function pager(offset, limit, total, go) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)) }, 'Previous'),
    h('span', {}, `Page ${page} of ${pages} (${total} in all)`),
    h('button', { type: 'button', disabled: offset + limit >= total, onclick: () => go(offset + limit) }, 'Next'));
}

/** A date-time as the browser's local time, with the ISO value as its title; '' for none. */
export function time(iso, timeZone) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const text = d.toLocaleString(undefined, timeZone ? { timeZone, timeZoneName: 'short' } : undefined);
  return h('time', { datetime: d.toISOString(), title: d.toISOString() }, text);
}

/** Pretty JSON in a pre block. */
export function json(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

/** A status badge coloured by its value. */
export function badge(text) {
  return h('span', { class: `badge badge-${String(text).replace(/[^a-z_]/gi, '')}` }, text);
}

/** A section with a heading. */
export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

/**
 * Whether the scope bar lacks a namespace or tenant; if so `root` says to set them (instead of the API's 400) and is
 * marked ready. Scoped pages call it first.
 */
export function scopeMissing(root, ctx) {
  if (ctx.scope.namespace && ctx.scope.tenant) return false;
  fill(root, h('p', { class: 'empty', role: 'status' }, 'Set a namespace and a tenant in the scope bar above to see this list.'));
  root.dataset.ready = 'true';
  return true;
}

/** A definition list of [label, value] pairs (a detail's facts); null values are skipped. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}
