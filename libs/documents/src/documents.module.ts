import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { KindergartensModule } from '@app/kindergartens';
import { Documents } from './documents.js';
import { Spreadsheets } from './spreadsheets.js';

/** Official documents (.docx) and spreadsheets (.xlsx) rendered from the read models and the record. */
@Module({
  imports: [CqrsModule, KindergartensModule],
  providers: [Documents, Spreadsheets],
  exports: [Documents, Spreadsheets],
})
export class DocumentsModule {}
