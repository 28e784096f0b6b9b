// TODO(dashboard): Chains page; being written.
import { h } from '../dom.js';

export default {
  id: 'chains',
  title: 'Chains',
  permission: 'ChainsRead',
  render(root) {
    root.append(h('p', {}, 'Chains'));
  },
};
