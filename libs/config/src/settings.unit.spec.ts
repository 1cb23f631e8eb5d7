import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadSettings } from './settings.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe('settings', () => {
  it('takes the embedded database’s buffer cache as a PostgreSQL size, 8MB by default', () => {
    expect(loadSettings({}).PGLITE_SHARED_BUFFERS).toBe('8MB');
    expect(loadSettings({ PGLITE_SHARED_BUFFERS: '128MB' }).PGLITE_SHARED_BUFFERS).toBe('128MB');
    for (const bad of ['16', '16 MB', '0MB', '-1MB', '16MB; fsync = off']) {
      expect(problemsOf({ PGLITE_SHARED_BUFFERS: bad })).toEqual(['PGLITE_SHARED_BUFFERS must be a size such as 16MB or 128MB']);
    }
  });

  it('stops at the retired CONTACTS_FILE, saying where e-mail addresses come from now', () => {
    expect(problemsOf({ CONTACTS_FILE: './contacts.json' })).toEqual([
      'CONTACTS_FILE is no longer read: e-mail goes to each recipient user’s own email in the directory (POST or PUT /users with email); unset it',
    ]);
    expect(problemsOf({ CONTACTS_FILE: '' })).toEqual([]);
  });
});
