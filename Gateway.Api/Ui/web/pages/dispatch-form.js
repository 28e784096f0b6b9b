// The fields of an action (POST /v1/dispatch, POST /v1/rules/evaluate): read with the browser's own checks (payload
// JSON, labels) before anything is sent, and the API's 400 details shown beside the field each one names.
import { h, field, errorSlot } from '../dom.js';

const FIELDS = ['namespace', 'tenant', 'provider', 'action_type', 'payload', 'dedup_key', 'metadata'];

/** The provider names of GET /v1/providers/health (the configured providers), or [] when the caller may not list them. */
export async function providerNames(ctx) {
  if (!ctx.can('ProvidersRead')) return [];
  const answer = await ctx.api.get('/v1/providers/health');
  return answer.providers.map(p => p.name);
}

/**
 * An action form: { element, read() → action or null (its errors shown), showError(apiError) → whether a field took
 * it, clear() }. `prefix` keeps the ids of two forms on one page apart.
 */
export function actionForm(ctx, providers, prefix) {
  const slots = Object.fromEntries(FIELDS.map(f => [f, errorSlot()]));
  const id = name => `${prefix}-${name}`;
  const input = (name, value) => h('input', { id: id(name), name, value: value ?? '', autocomplete: 'off' });
  const controls = {
    namespace: input('namespace', ctx.scope.namespace),
    tenant: input('tenant', ctx.scope.tenant),
    provider: h('select', { id: id('provider'), name: 'provider' }, providers.map(p => h('option', { value: p }, p))),
    action_type: input('action_type'),
    payload: h('textarea', { id: id('payload'), name: 'payload', spellcheck: 'false' }, '{}'),
    dedup_key: input('dedup_key'),
    metadata: h('textarea', { id: id('labels'), name: 'labels', rows: 3, spellcheck: 'false', class: 'short' }),
  };
  const labelled = (label, name, hint) => h('div', { class: 'field-with-error' }, field(label, controls[name], hint), slots[name]);
  const element = h('div', { class: 'action-form' },
    h('div', { class: 'row' }, labelled('Namespace', 'namespace'), labelled('Tenant', 'tenant'),
      labelled('Provider', 'provider'), labelled('Action type', 'action_type')),
    labelled('Payload (JSON object)', 'payload'),
    h('div', { class: 'row' }, labelled('Dedup key (optional)', 'dedup_key'),
      labelled('Metadata labels (optional)', 'metadata', 'one key=value per line')));

  function clear() {
    for (const slot of Object.values(slots)) slot.clear();
  }

  function read() {
    clear();
    let ok = true;
    const fail = (name, message) => { ok = false; slots[name].show({ message }); };
    let payload;
    try {
      payload = JSON.parse(controls.payload.value);
      if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) fail('payload', 'the payload must be a JSON object, e.g. {"to": "x"}');
    } catch (e) {
      fail('payload', `invalid JSON: ${e.message}`);
    }
    const labels = {};
    controls.metadata.value.split('\n').map(l => l.trim()).filter(Boolean).forEach((line, i) => {
      const eq = line.indexOf('=');
      if (eq <= 0) fail('metadata', `line ${i + 1} is not key=value: ${line}`);
      else labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    });
    if (!ok) return null;
    const action = {
      namespace: controls.namespace.value.trim(),
      tenant: controls.tenant.value.trim(),
      provider: controls.provider.value,
      action_type: controls.action_type.value.trim(),
      payload,
    };
    if (controls.dedup_key.value.trim()) action.dedup_key = controls.dedup_key.value.trim();
    if (Object.keys(labels).length) action.metadata = { labels };
    return action;
  }

  /** Shows each detail of a 400 beside its field ($.payload.x → payload); true when every detail found its field. */
  function showError(error) {
    const byField = new Map();
    for (const d of error?.details ?? []) {
      const name = FIELDS.find(f => d.path === `$.${f}` || d.path?.startsWith(`$.${f}.`));
      if (!name) return false;
      byField.set(name, [...(byField.get(name) ?? []), d]);
    }
    if (!byField.size) return false;
    for (const [name, details] of byField) {
      slots[name].show({ message: details.map(d => `${d.path} ${d.message}`).join('; ') });
    }
    return true;
  }

  return { element, read, showError, clear, controls };
}
