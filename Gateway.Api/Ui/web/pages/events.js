// TODO(dashboard): Events page; being written.
import { h } from '../dom.js';

export default {
  id: 'events',
  title: 'Events',
  permission: 'EventsRead',
  render(root) {
    root.append(h('p', {}, 'Events'));
  },
};
