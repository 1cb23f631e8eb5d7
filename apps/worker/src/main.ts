import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, loadSettings } from '@app/config';
import { WorkerAppModule } from './worker-app.module.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const settings = loadSettings();
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(settings), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log(`worker running (event store: ${settings.EVENT_STORE}, queue prefix: ${settings.QUEUE_PREFIX})`, 'Bootstrap');
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
