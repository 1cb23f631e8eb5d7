import type { Command } from '@app/event-sourcing';
import type { UserProfile } from './user.events.js';

export type UserCommand =
  | Command<'RegisterUser', { userId: string; serviceAccount: boolean } & UserProfile>
  | Command<'UpdateUser', UserProfile>
  | Command<'DisableUser', Record<string, never>>
  | Command<'EnableUser', Record<string, never>>
  | Command<'ResetPassword', Record<string, never>>
  | Command<'ChangePassword', Record<string, never>>;
