// The dashboard's shell: who the caller is, the scope bar, the page list and the hash router.
import * as api from './api.js';
import { h, fill, errorBox, field, errorSlot } from './dom.js';
import { pages } from './pages/index.js';

const SCOPE = 'acteon.scope';
const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const scopeForm = document.getElementById('scope');

const ctx = {
  api,
  caller: null,
  /** Whether the caller holds a permission (names of GET /v1/auth/me, e.g. "RulesManage"). */
  can: permission => !!ctx.caller?.permissions.includes(permission),
  /** The namespace and tenant of the scope bar (lists of scoped resources need both). */
  scope: JSON.parse(localStorage.getItem(SCOPE) ?? 'null') ?? { namespace: '', tenant: '' },
  navigate: hash => { location.hash = hash; },
};

let cleanup = null;
let renderId = 0;

async function start() {
  api.whenUnauthorized(() => { api.token.set(null); ctx.caller = null; showLogin(); });
  scopeForm.namespace.value = ctx.scope.namespace;
  scopeForm.tenant.value = ctx.scope.tenant;
  scopeForm.addEventListener('submit', e => {
    e.preventDefault();
    ctx.scope = { namespace: scopeForm.namespace.value.trim(), tenant: scopeForm.tenant.value.trim() };
    localStorage.setItem(SCOPE, JSON.stringify(ctx.scope));
    route();
  });
  window.addEventListener('hashchange', route);
  await identify();
}

async function identify() {
  try {
    ctx.caller = await api.get('/v1/auth/me');
  } catch (e) {
    if (e.status === 401) return showLogin();
    return fill(view, errorBox(e));
  }
  fill(who, ctx.caller.auth_enabled
    ? [h('span', {}, `${ctx.caller.id} (${ctx.caller.role})`), ' ', h('button', { type: 'button', onclick: logout }, 'Log out')]
    : h('span', { title: 'authentication is disabled: every request is anonymous admin' }, 'auth off (anonymous admin)'));
  renderNav();
  route();
}

function visiblePages() {
  return pages.filter(p => !p.permission || ctx.can(p.permission));
}

function renderNav() {
  fill(nav, h('ul', {}, visiblePages().map(p => h('li', {}, h('a', { href: `#/${p.id}`, id: `nav-${p.id}` }, p.title)))));
}

async function route() {
  if (!ctx.caller) return;
  const [id, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = visiblePages().find(p => p.id === id) ?? visiblePages()[0];
  if (!page) return fill(view, h('p', {}, 'This caller may see no page of the dashboard.'));
  for (const a of nav.querySelectorAll('a')) a.toggleAttribute('aria-current', a.id === `nav-${page.id}`);
  if (cleanup) { try { cleanup(); } catch { /* the old page is gone either way */ } cleanup = null; }
  const mine = ++renderId;
  document.title = `${page.title} · Acteon`;
  const root = h('div', { class: `page page-${page.id}` });
  fill(view, h('h1', {}, page.title), root);
  try {
    const result = await page.render(root, ctx, rest.map(decodeURIComponent));
    if (mine === renderId) cleanup = typeof result === 'function' ? result : null;
    else if (typeof result === 'function') result();
  } catch (e) {
    if (mine === renderId) fill(root, errorBox(e));
  }
}

function showLogin() {
  fill(nav);
  fill(who);
  const slot = errorSlot();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'login card', 'aria-label': 'Log in' },
    field('Username', username), field('Password', password), h('button', { type: 'submit' }, 'Log in'), slot);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    slot.clear();
    try {
      const answer = await api.post('/v1/auth/login', { username: username.value, password: password.value });
      api.token.set(answer.token);
      await identify();
    } catch (error) {
      slot.show(error);
    }
  });
  fill(view, h('h1', {}, 'Log in'), form);
  username.focus();
}

async function logout() {
  try { await api.post('/v1/auth/logout'); } catch { /* the token is dropped either way */ }
  api.token.set(null);
  // The token the Cluster page's link to the Orleans Dashboard left as a cookie goes too.
  document.cookie = 'acteon_orleans=; path=/orleans; max-age=0; SameSite=Strict';
  ctx.caller = null;
  showLogin();
}

start();
