// TODO(dashboard): Circuit breakers page; being written.
import { h } from '../dom.js';

export default {
  id: 'breakers',
  title: 'Circuit breakers',
  permission: 'CircuitBreakersRead',
  render(root) {
    root.append(h('p', {}, 'Circuit breakers'));
  },
};
