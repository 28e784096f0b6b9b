// TODO(dashboard): Overview page; being written.
import { h } from '../dom.js';

export default {
  id: 'overview',
  title: 'Overview',
  permission: 'ProvidersRead',
  render(root) {
    root.append(h('p', {}, 'Overview'));
  },
};
