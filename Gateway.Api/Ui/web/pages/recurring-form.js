// The form of a recurring action (create and edit): each field shows the API's 400 for its JSON path ($.cron_expr …)
// right under it; a payload that is not JSON is refused before it is sent.
import { h, fill, field, errorSlot } from '../dom.js';

/** [name, label, control kind, hint] of the form's fields, in the API's names. */
const FIELDS = [
  ['cron_expr', 'Cron expression', 'input', '5 fields: minute hour day month weekday (e.g. 0 9 * * MON-FRI)'],
  ['timezone', 'Time zone', 'input', 'IANA name, e.g. UTC, Europe/Paris, US/Eastern'],
  ['provider', 'Provider', 'input', null],
  ['action_type', 'Action type', 'input', null],
  ['payload', 'Payload (JSON object)', 'textarea', null],
  ['description', 'Description', 'input', null],
  ['max_executions', 'Max executions', 'number', 'empty: no limit'],
];

/**
 * A form for `initial` (a detail, or defaults). `submit(values, changed)` gets the typed values and the names that
 * differ from `initial`; an ApiError it throws is shown next to the fields it names.
 */
export function recurringForm(initial, submitLabel, submit) {
  const controls = {};
  const errors = {};
  const fields = FIELDS.map(([name, label, kind, hint]) => {
    const value = name === 'payload' ? JSON.stringify(initial.payload ?? {}, null, 2) : initial[name] ?? '';
    const control = kind === 'textarea'
      ? h('textarea', { name, rows: 5 }, value)
      : h('input', { name, type: kind === 'number' ? 'number' : 'text', min: kind === 'number' ? 1 : null, value: String(value), autocomplete: 'off' });
    controls[name] = control;
    errors[name] = h('span', { class: 'field-error', id: `error-${name}`, 'aria-live': 'polite' });
    control.setAttribute('aria-describedby', `error-${name}`);
    const wrapper = field(label, control, hint);
    wrapper.append(errors[name]);
    return wrapper;
  });
  const slot = errorSlot();
  const button = h('button', { type: 'submit' }, submitLabel);
  const form = h('form', { class: 'recurring-form', 'aria-label': submitLabel, novalidate: true },
    h('div', { class: 'form-grid' }, fields), button, slot);

  const clear = () => {
    slot.clear();
    for (const name of Object.keys(errors)) { fill(errors[name]); controls[name].closest('.field').classList.remove('invalid'); }
  };
  const mark = (name, message) => {
    fill(errors[name], message);
    controls[name].closest('.field').classList.add('invalid');
  };
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clear();
    const values = {};
    for (const [name] of FIELDS) values[name] = controls[name].value.trim();
    try {
      values.payload = JSON.parse(values.payload || '{}');
    } catch (error) {
      mark('payload', `is not valid JSON: ${error.message}`);
      return;
    }
    values.max_executions = values.max_executions === '' ? null : Number(values.max_executions);
    for (const name of ['description', 'timezone']) if (values[name] === '') values[name] = null;
    const changed = Object.keys(values).filter(n => JSON.stringify(values[n]) !== JSON.stringify(initial[n] ?? null));
    button.disabled = true;
    try {
      await submit(values, changed);
    } catch (error) {
      let named = false;
      for (const d of error.details ?? []) {
        const name = String(d.path ?? '').replace(/^\$\./, '').split(/[.[]/)[0];
        if (controls[name]) { mark(name, d.message); named = true; }
      }
      slot.show(named ? { status: error.status, message: error.message } : error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
