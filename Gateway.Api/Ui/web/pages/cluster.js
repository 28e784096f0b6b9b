// Cluster: Orleans' membership and live activations per grain type (GET /admin/cluster); the Orleans Dashboard link.
import { h, fill, section, table, time, badge, actionButton } from '../dom.js';

/**
 * A followed link carries no Authorization header: the token goes as the cookie the gateway reads under /orleans only
 * (SameSite=Strict, so another site cannot ride on it; logging out revokes the token it holds).
 */
function orleansCookie(ctx) {
  const token = ctx.api.token.get();
  if (!token) return;
  // It lives no longer than the token (its exp claim); an unreadable token gets a browser-session cookie.
  let expires = '';
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (claims.exp) expires = `; expires=${new Date(claims.exp * 1000).toUTCString()}`;
  } catch { /* the gateway decides whether the token is good */ }
  document.cookie = `acteon_orleans=${token}; path=/orleans; SameSite=Strict${expires}`;
}

export default {
  id: 'cluster',
  title: 'Cluster',
  permission: 'ClusterRead',
  async render(root, ctx) {
    const body = h('div', {});
    async function load() {
      const cluster = await ctx.api.get('/admin/cluster');
      const activations = Object.entries(cluster.activations).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      fill(body,
        section('Silos',
          h('p', {}, `This node: `, h('strong', {}, cluster.node_id), ` (role ${cluster.role}).`),
          table([
            { title: 'Silo', value: s => h('strong', {}, s.id) },
            { title: 'Address', value: s => h('code', {}, s.address) },
            { title: 'Status', value: s => badge(s.status) },
            { title: 'Started', value: s => time(s.started) },
            { title: 'Last heartbeat', value: s => time(s.last_heartbeat) },
            { title: 'Activations', value: s => String(s.activations) },
          ], cluster.nodes, { empty: 'The membership lists no silo.', rowAttrs: s => ({ dataset: { silo: s.id } }) })),
        section('Activations per grain type',
          table([
            { title: 'Grain type', value: ([type]) => h('code', {}, type) },
            { title: 'Live activations (cluster-wide)', value: ([, count]) => String(count) },
          ], activations, { empty: 'No grain is active.', rowAttrs: ([type]) => ({ dataset: { grainType: type } }) })));
    }
    await load();
    fill(root,
      h('div', { class: 'row cluster-links' },
        actionButton('Refresh', load, { name: 'refresh' }),
        ctx.can('OrleansDashboard')
          ? h('a', { href: '/orleans/', class: 'button-link', target: '_blank', rel: 'noopener', onclick: () => orleansCookie(ctx) },
            'Open the Orleans Dashboard (runtime: silos, grains, calls)')
          : null),
      body);
    root.dataset.ready = 'true';
  },
};
