// Dispatch: one action through the gateway (POST /v1/dispatch), or a dry run of it with the rules' trace.
import { h, fill, errorSlot, json, section, badge } from '../dom.js';
import { actionForm, providerNames } from './dispatch-form.js';
import { summarize, traceTable } from './dispatch-summary.js';

export default {
  id: 'dispatch',
  title: 'Dispatch',
  permission: 'Dispatch',
  async render(root, ctx) {
    const form = actionForm(ctx, await providerNames(ctx), 'dispatch');
    const slot = errorSlot();
    const result = h('div', { class: 'dispatch-result', 'aria-live': 'polite' });

    async function send(dryRun, button) {
      slot.clear();
      const action = form.read();
      if (!action) return;
      button.disabled = true;
      try {
        const outcome = await ctx.api.post(`/v1/dispatch${dryRun ? '?dry_run=true' : ''}`, action);
        // The dispatch answer names the verdict; the playground gives every rule's part in it.
        const trace = dryRun && ctx.can('RulesRead') ? (await ctx.api.post('/v1/rules/evaluate', action)).trace : null;
        show(outcome, trace);
      } catch (e) {
        fill(result);
        if (!form.showError(e)) slot.show(e);
        else slot.show({ status: e.status, message: e.message });
      } finally {
        button.disabled = false;
      }
    }

    function show(outcome, trace) {
      fill(result, section(outcome.outcome === 'dry_run' ? 'Dry run' : 'Outcome',
        h('p', { class: 'summary' }, badge(outcome.outcome), ' ', summarize(outcome)),
        trace ? traceTable(trace) : null,
        h('details', { open: true }, h('summary', {}, 'The answer as JSON'), json(outcome))));
    }

    const dry = h('button', { type: 'button', class: 'secondary', onclick: () => send(true, dry) }, 'Dry run');
    const go = h('button', { type: 'button', onclick: () => send(false, go) }, 'Dispatch');
    fill(root, section('Action', form.element, h('div', { class: 'row' }, dry, go), slot), result);
    root.dataset.ready = 'true';
  },
};
