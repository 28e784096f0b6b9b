// TODO(dashboard): Rules page; being written.
import { h } from '../dom.js';

export default {
  id: 'rules',
  title: 'Rules',
  permission: 'RulesRead',
  render(root) {
    root.append(h('p', {}, 'Rules'));
  },
};
