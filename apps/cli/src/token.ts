// Prints a bearer token for a registered, enabled user of the directory: npm run token -- --user wang [--expires 8h]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigurationError, loadSettings } from '@app/config';
import { fold, Upcasters } from '@app/event-sourcing';
import { openDatabase, openEventStore } from '@app/event-store';
import { BearerTokens, resolveJwtSecret } from '@app/identity/tokens';
import { USER_ID, userDecider, userStreamId, type UserEvent } from '@app/users/domain';

const usage = 'usage: npm run token -- --user <id> [--expires <8h|30m|1d>]   (the user must be registered and enabled)';

const main = async (): Promise<void> => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { values } = parseArgs({ options: { user: { type: 'string' }, expires: { type: 'string', default: '8h' } } });
  if (!values.user || !USER_ID.test(values.user)) throw new Error(usage);
  if (!/^\d+[smhd]$/.test(values.expires)) throw new Error(`--expires takes a number with s, m, h or d\n${usage}`);
  const settings = loadSettings({ ...process.env, LOG_LEVEL: 'silent', PGLITE_SHARED_BUFFERS: '1MB' });
  const database = await openDatabase(settings).catch((error: { code?: string; message: string }) => {
    throw new Error(
      error.code === 'data-dir-locked'
        ? `the embedded store in ${settings.DATA_DIR} is held by the running engine: sign in instead (README, "A first session"), or stop it first`
        : error.message,
    );
  });
  try {
    const store = await openEventStore(settings, database, new Upcasters());
    const user = fold(userDecider, (await store.readStream(userStreamId(values.user))) as never as UserEvent[]);
    if (user.status !== 'registered') throw new Error(`no user ${values.user} in the directory`);
    if (!user.enabled) throw new Error(`user ${values.user} is disabled`);
    const { secret } = resolveJwtSecret(settings);
    // the claims are the directory's: a token that disagreed with it would be refused
    console.log(
      new BearerTokens(secret).sign(
        {
          sub: user.id,
          role: user.role,
          ...(user.kindergartenId ? { kindergartenId: user.kindergartenId } : {}),
          ...(user.unitId ? { unitId: user.unitId } : {}),
          name: user.name,
        },
        values.expires,
      ),
    );
    await store.close();
  } finally {
    await database.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exit(2);
});
