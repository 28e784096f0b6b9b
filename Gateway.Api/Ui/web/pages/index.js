// Every page of the dashboard, in menu order. A page: { id, title, permission (GET /v1/auth/me name; hidden without
// it), render(root, ctx, args) → optional cleanup function }. args are the hash's path segments after the id.
import overview from './overview.js';
import dispatch from './dispatch.js';
import rules from './rules.js';
import audit from './audit.js';
import events from './events.js';
import groups from './groups.js';
import approvals from './approvals.js';
import chains from './chains.js';
import recurring from './recurring.js';
import breakers from './breakers.js';
import cluster from './cluster.js';

export const pages = [overview, dispatch, rules, audit, events, groups, approvals, chains, recurring, breakers, cluster];
