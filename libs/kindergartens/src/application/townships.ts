import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Settings } from '@app/config';

export interface Township {
  readonly id: string;
  readonly name: string;
}

/** The county's township register, from the seeds (`townships.json`): a township is named by its id, or by its registered name. */
@Injectable()
export class Townships implements OnModuleInit {
  private list: readonly Township[] = [];

  constructor(@Inject(Settings) private readonly settings: Settings) {}

  async onModuleInit(): Promise<void> {
    const file = join(resolve(this.settings.SEEDS_DIR), 'townships.json');
    this.list = (JSON.parse(await readFile(file, 'utf8')) as { townships: Township[] }).townships.map(({ id, name }) => ({ id, name }));
  }

  all(): readonly Township[] {
    return this.list;
  }

  /** The township's id, given its id or its registered name; null when the register has neither. */
  idOf(idOrName: string): string | null {
    return this.list.find((township) => township.id === idOrName || township.name === idOrName)?.id ?? null;
  }
}
