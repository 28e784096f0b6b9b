// The live activity feed: GET /v1/stream read with the caller's token, newest first, at most MAX rows.
import { h, fill, badge } from '../dom.js';
import { summarize } from './dispatch-summary.js';

const MAX = 100;

function describe(type, e) {
  switch (type) {
    case 'action_dispatched': return summarize(e.outcome);
    case 'group_flushed': return `Group ${e.group_key} flushed with ${e.event_count} event(s).`;
    case 'timeout': return `${e.state_machine} ${e.fingerprint} timed out: ${e.previous_state} → ${e.new_state}.`;
    case 'chain_advanced': return `Chain ${e.chain_id}: step ${e.step_name} ${e.status}${e.next_step ? `, next ${e.next_step}` : ''}.`;
    case 'approval_required': return `Approval ${e.approval_id} is required for ${e.action_type}.`;
    case 'lagged': return e.skipped == null ? 'Some events were skipped (the stream could not resume).' : `${e.skipped} event(s) were skipped (the feed read too slowly).`;
    default: return '';
  }
}

/** The feed: { element, start(onDispatched) → stop }. onDispatched(event) gets every action_dispatched event. */
export function activityFeed(ctx) {
  const state = h('span', { id: 'feed-state', class: 'badge badge-connecting', role: 'status' }, 'connecting');
  const list = h('ol', { class: 'feed', id: 'feed', 'aria-label': 'Live activity, newest first' });
  const empty = h('p', { class: 'empty' }, 'Waiting for activity: every dispatch and event of the cluster shows here as it happens.');
  const element = h('div', {}, h('p', {}, 'Stream: ', state), empty, list);

  function setState(name, message) {
    const text = name === 'open' ? 'live' : name === 'error' ? `disconnected: ${message}; retrying` : name;
    state.className = `badge badge-feed-${name}`;
    fill(state, text);
  }

  function add({ type, data }) {
    const e = data ?? {};
    const outcome = e.outcome?.outcome;
    empty.remove();
    const row = h('li', { dataset: { type, actionId: e.action_id ?? '' } },
      h('time', { datetime: e.timestamp ?? '' }, e.timestamp ? new Date(e.timestamp).toLocaleTimeString() : ''), ' ',
      badge(outcome ?? type), ' ',
      e.namespace ? h('span', { class: 'scope-tag' }, `${e.namespace}/${e.tenant}`) : null, ' ',
      e.provider ? `${e.provider} ` : '', e.action_type ? h('strong', {}, e.action_type) : null, ' ',
      h('span', { class: 'muted' }, describe(type, e)));
    list.prepend(row);
    while (list.children.length > MAX) list.lastElementChild.remove();
  }

  function start(onDispatched) {
    const abort = new AbortController();
    ctx.api.stream({}, event => {
      add(event);
      if (event.type === 'action_dispatched') onDispatched(event.data);
    }, abort.signal, setState);
    return () => abort.abort();
  }

  return { element, start };
}
