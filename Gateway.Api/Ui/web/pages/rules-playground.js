// The rules playground: POST /v1/rules/evaluate for an action, with every rule's part in the verdict (nothing is sent).
import { h, fill, errorSlot, section, field, badge } from '../dom.js';
import { actionForm, providerNames } from './dispatch-form.js';
import { traceTable } from './dispatch-summary.js';

export async function renderPlayground(root, ctx) {
  const form = actionForm(ctx, await providerNames(ctx), 'playground');
  const includeDisabled = h('input', { type: 'checkbox', id: 'playground-include-disabled', name: 'include_disabled' });
  const evaluateAll = h('input', { type: 'checkbox', id: 'playground-evaluate-all', name: 'evaluate_all' });
  const evaluateAt = h('input', { type: 'datetime-local', id: 'playground-evaluate-at', name: 'evaluate_at', step: 1 });
  const atSlot = errorSlot();
  const slot = errorSlot();
  const result = h('div', { class: 'playground-result', 'aria-live': 'polite' });

  const button = h('button', { type: 'button', onclick: evaluate }, 'Evaluate');
  async function evaluate() {
    slot.clear();
    atSlot.clear();
    const action = form.read();
    if (!action) return;
    const body = { ...action, include_disabled: includeDisabled.checked, evaluate_all: evaluateAll.checked };
    if (evaluateAt.value) body.evaluate_at = new Date(evaluateAt.value).toISOString();
    button.disabled = true;
    try {
      const answer = await ctx.api.post('/v1/rules/evaluate', body);
      fill(result,
        h('p', { class: 'summary' }, 'Verdict ', badge(answer.verdict),
          answer.matched_rule ? ` by rule ${answer.matched_rule}` : ' (no rule matched)',
          `; it would go to ${answer.would_be_provider}. ${answer.total_rules_evaluated} rule(s) evaluated, ${answer.total_rules_skipped} skipped.`),
        traceTable(answer.trace));
    } catch (e) {
      fill(result);
      const atError = e.details?.find(d => d.path === '$.evaluate_at');
      if (atError) atSlot.show({ message: `${atError.path} ${atError.message}` });
      if (!form.showError(e) && !atError) slot.show(e);
    } finally {
      button.disabled = false;
    }
  }

  fill(root, section('Playground',
    h('p', { class: 'hint' }, 'Evaluates the loaded rules against an action without dispatching it or changing any state.'),
    form.element,
    h('div', { class: 'row' },
      h('label', { class: 'check' }, includeDisabled, ' Include disabled rules'),
      h('label', { class: 'check' }, evaluateAll, ' Evaluate every rule (not only up to the first match)'),
      h('div', {}, field('Evaluate at (your local time; empty: now)', evaluateAt), atSlot)),
    h('div', { class: 'row' }, button), slot, result));
}
