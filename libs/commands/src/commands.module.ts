import { Global, Module } from '@nestjs/common';
import { CommandRunner } from './command-runner.js';

/** The command runner, for every feature and for the notification sources wherever they are provided. */
@Global()
@Module({ providers: [CommandRunner], exports: [CommandRunner] })
export class CommandsModule {}
