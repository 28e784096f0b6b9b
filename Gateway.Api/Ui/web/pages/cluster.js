// TODO(dashboard): Cluster page; being written.
import { h } from '../dom.js';

export default {
  id: 'cluster',
  title: 'Cluster',
  permission: 'ClusterRead',
  render(root) {
    root.append(h('p', {}, 'Cluster'));
  },
};
