import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { ConfigurationError, loadSettings } from '@app/config';
import { createApp } from './app.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const settings = loadSettings();
  const app = await createApp(settings);
  await app.listen({ port: settings.PORT, host: settings.HOST });
  new Logger('Bootstrap').log(`listening on http://${settings.HOST}:${settings.PORT} (event store: ${settings.EVENT_STORE})`);
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
