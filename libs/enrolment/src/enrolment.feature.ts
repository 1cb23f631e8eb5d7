import { EnrolmentNotificationSource } from './application/enrolment-notification-source.js';
import { enrolmentDecider } from './domain/enrolment.decider.js';
import { EnrolmentModule } from './enrolment.module.js';

/** The enrolment feature as the engine assembles it (its pages are read from the overviews' projections); its due process notifies. */
export const enrolmentFeature = {
  module: EnrolmentModule,
  audit: [{ category: 'enrolment', label: '招生状态', decider: enrolmentDecider }],
  notificationSource: EnrolmentNotificationSource,
};
