import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { KindergartensModule } from '@app/kindergartens';
import { PlanSupervisionModule } from '@app/plan-supervision';
import { Documents } from './documents.js';
import { Spreadsheets } from './spreadsheets.js';

/** Official documents (.docx) and spreadsheets (.xlsx) rendered from the read models and the record. */
@Module({
  imports: [CqrsModule, KindergartensModule, PlanSupervisionModule],
  providers: [Documents, Spreadsheets],
  exports: [Documents, Spreadsheets],
})
export class DocumentsModule {}
