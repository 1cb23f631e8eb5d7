// Prints a bearer token: npm run token -- --role supervisor --sub wang [--kindergarten cg-kg-01] [--unit county-education-bureau] [--name 王] [--expires 8h]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigurationError, loadSettings } from '@app/config';
import { ROLES, type Role } from '@app/identity';
import { BearerTokens, resolveJwtSecret } from '@app/identity/tokens';

const usage = `usage: npm run token -- --role <${ROLES.join('|')}> --sub <user id> [--kindergarten <id>] [--unit <id>] [--name <name>] [--expires <8h|30m|7d>]`;

try {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      kindergarten: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!values.role || !(ROLES as readonly string[]).includes(values.role) || !values.sub) throw new Error(usage);
  if (values.role === 'kindergarten' && !values.kindergarten) throw new Error(`a kindergarten token needs --kindergarten <id>\n${usage}`);
  if (values.role === 'department' && !values.unit) throw new Error(`a department token needs --unit <id>\n${usage}`);
  if (!/^\d+[smhd]$/.test(values.expires)) throw new Error(`--expires takes a number with s, m, h or d\n${usage}`);
  const { secret } = resolveJwtSecret(loadSettings());
  const token = new BearerTokens(secret).sign(
    {
      sub: values.sub,
      role: values.role as Role,
      ...(values.kindergarten ? { kindergartenId: values.kindergarten } : {}),
      ...(values.unit ? { unitId: values.unit } : {}),
      ...(values.name ? { name: values.name } : {}),
    },
    values.expires,
  );
  console.log(token);
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exit(2);
}
