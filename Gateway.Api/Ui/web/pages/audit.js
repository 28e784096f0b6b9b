// TODO(dashboard): Audit page; being written.
import { h } from '../dom.js';

export default {
  id: 'audit',
  title: 'Audit',
  permission: 'AuditRead',
  render(root) {
    root.append(h('p', {}, 'Audit'));
  },
};
