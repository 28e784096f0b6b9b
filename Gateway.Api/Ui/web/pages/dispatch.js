// TODO(dashboard): Dispatch page; being written.
import { h } from '../dom.js';

export default {
  id: 'dispatch',
  title: 'Dispatch',
  permission: 'Dispatch',
  render(root) {
    root.append(h('p', {}, 'Dispatch'));
  },
};
