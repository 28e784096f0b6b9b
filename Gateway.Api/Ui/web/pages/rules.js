// Rules: the loaded rules with enable/disable, a reload whose errors name file and line, and the playground.
import { h, fill, errorSlot, section, badge, table, actionButton } from '../dom.js';
import { renderPlayground } from './rules-playground.js';

/** A reload error's message starts with "file:line:" when the loader knows the line; split it for the table. */
export function splitLoadError(error) {
  const prefix = `${error.file}:`;
  const rest = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const m = /^(\d+):\s*(.*)$/s.exec(rest);
  return m ? { file: error.file, line: m[1], message: m[2] } : { file: error.file, line: '', message: rest.replace(/^\s+/, '') };
}

function reloadResult(answer) {
  if (!answer.errors.length) {
    return h('p', { class: 'ok', role: 'status' }, `Reloaded: ${answer.loaded} rule(s) loaded.`);
  }
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, 'The reload failed; the running rules stay as they were.'),
    table([
      { title: 'File', value: e => e.file },
      { title: 'Line', value: e => e.line },
      { title: 'Error', value: e => e.message },
    ], answer.errors.map(splitLoadError), { caption: 'Errors by file and line' }));
}

export default {
  id: 'rules',
  title: 'Rules',
  permission: 'RulesRead',
  async render(root, ctx) {
    const manage = ctx.can('RulesManage');
    const list = h('div', { class: 'rules-list' });
    const reloadSlot = h('div', { class: 'reload-result', 'aria-live': 'polite' });

    async function load() {
      const { rules } = await ctx.api.get('/v1/rules');
      const columns = [
        { title: 'Name', value: r => h('strong', {}, r.name) },
        { title: 'Priority', value: r => String(r.priority) },
        { title: 'Enabled', value: r => badge(r.enabled ? 'enabled' : 'disabled') },
        { title: 'Action', value: r => r.action },
        { title: 'Description', value: r => r.description ?? '' },
        { title: 'Source', value: r => h('code', {}, r.source) },
      ];
      if (manage) {
        columns.push({
          title: 'Change',
          value: r => actionButton(r.enabled ? 'Disable' : 'Enable',
            () => ctx.api.put(`/v1/rules/${encodeURIComponent(r.name)}/enabled`, { enabled: !r.enabled }),
            { name: `toggle-${r.name}`, danger: r.enabled, title: `${r.enabled ? 'Disable' : 'Enable'} rule ${r.name}`, then: load }),
        });
      }
      fill(list, table(columns, rules, { empty: 'No rules are loaded: every action is allowed.', rowAttrs: r => ({ dataset: { rule: r.name } }) }));
    }

    await load();
    const reload = manage
      ? actionButton('Reload rules', async () => {
        fill(reloadSlot);
        const answer = await ctx.api.post('/v1/rules/reload');
        fill(reloadSlot, reloadResult(answer));
        if (!answer.errors.length) await load();
      }, { name: 'reload' })
      : null;
    const playground = h('div', {});
    fill(root,
      section('Loaded rules', manage ? h('div', { class: 'row' }, reload) : null, reloadSlot, list),
      playground);
    await renderPlayground(playground, ctx);
    root.dataset.ready = 'true';
  },
};
