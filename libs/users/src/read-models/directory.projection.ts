import { streamTable, streamTablesProjection } from '@app/projections';
import { userDecider, type UserState } from '../domain/user.decider.js';

/** The directory: one row per user, folded by the aggregate's own evolve; what every request's caller is read from. */
export const DIRECTORY_TABLE = 'directory_users';

export const directoryProjection = streamTablesProjection({
  name: 'directory',
  tables: [
    streamTable<UserState>({
      category: 'user',
      table: DIRECTORY_TABLE,
      decider: userDecider,
      columns: { role: 'text', kindergarten_id: 'text', unit_id: 'text', enabled: 'boolean' },
      toColumns: (state) =>
        state.status === 'registered'
          ? { role: state.role, kindergarten_id: state.kindergartenId ?? null, unit_id: state.unitId ?? null, enabled: state.enabled }
          : { role: null, kindergarten_id: null, unit_id: null, enabled: false },
      indexes: (s) => [`CREATE INDEX ${DIRECTORY_TABLE}_role ON ${s}.${DIRECTORY_TABLE} (role, id)`],
    }),
  ],
});
