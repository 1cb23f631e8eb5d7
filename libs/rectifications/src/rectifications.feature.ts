import { RectificationNotificationSource } from './application/rectification-notification-source.js';
import { documentRegister } from './domain/document-number.js';
import { rectificationDecider } from './domain/rectification.decider.js';
import { rectificationsProjection } from './read-models/rectifications.projection.js';
import { RectificationsModule } from './rectifications.module.js';

/** The rectifications feature as the engine assembles it: its cases also notify. */
export const rectificationsFeature = {
  module: RectificationsModule,
  projections: [rectificationsProjection],
  audit: [
    { category: 'rectification', label: '整改事项', decider: rectificationDecider },
    { category: 'documentNo', label: '整改通知文号登记', decider: documentRegister },
  ],
  notificationSource: RectificationNotificationSource,
};
