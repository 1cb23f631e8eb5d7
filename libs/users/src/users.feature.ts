import { signInLogDecider } from './domain/sign-in-log.js';
import { userDecider } from './domain/user.decider.js';
import { directoryProjection } from './read-models/directory.projection.js';
import { UsersModule } from './users.module.js';

/** The user directory and the sign-in log as the engine assembles them. */
export const usersFeature = {
  module: UsersModule,
  projections: [directoryProjection],
  audit: [
    { category: 'user', label: '用户', decider: userDecider },
    { category: 'signins', label: '登录记录', decider: signInLogDecider },
  ],
};
