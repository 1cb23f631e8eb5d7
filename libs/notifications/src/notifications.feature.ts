import { inboxProjection } from './inbox/inbox.projection.js';

/** The notifications as the engine assembles them: the inbox read model (NotificationsModule is the worker's, given the features' sources). */
export const notificationsFeature = {
  projections: [inboxProjection],
};
