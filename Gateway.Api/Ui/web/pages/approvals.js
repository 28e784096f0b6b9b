// TODO(dashboard): Approvals page; being written.
import { h } from '../dom.js';

export default {
  id: 'approvals',
  title: 'Approvals',
  permission: 'ApprovalsRead',
  render(root) {
    root.append(h('p', {}, 'Approvals'));
  },
};
