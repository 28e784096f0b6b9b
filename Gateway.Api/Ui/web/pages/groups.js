// TODO(dashboard): Groups page; being written.
import { h } from '../dom.js';

export default {
  id: 'groups',
  title: 'Groups',
  permission: 'GroupsRead',
  render(root) {
    root.append(h('p', {}, 'Groups'));
  },
};
