// TODO(dashboard): Recurring page; being written.
import { h } from '../dom.js';

export default {
  id: 'recurring',
  title: 'Recurring',
  permission: 'RecurringRead',
  render(root) {
    root.append(h('p', {}, 'Recurring'));
  },
};
