import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Townships } from '@app/kindergartens';
import { ListKindergartens, type KindergartenView } from '@app/overviews';
import { ListMonthlyReports } from '@app/plan-supervision';
import { periodOf } from '@app/plan-supervision/domain';
import type { Page } from '@app/projections';
import { ListRectifications } from '@app/rectifications';
import { CASE_STATUS_LABELS, OUTCOME_LABELS, OWNERSHIP_LABELS, REPORT_STANDING_LABELS, chineseDate } from './chinese-text.js';

const PAGE = 1000;

export interface RectificationExportFilter {
  readonly status?: string;
  readonly township?: string;
  readonly overdue?: boolean;
}

export type Cell = string | number | null;

/** An .xlsx of one sheet, its header bold and frozen, each row committed as it comes (exceljs's streaming writer). */
export const streamWorkbook = (
  sheet: string,
  columns: ReadonlyArray<readonly [string, number]>,
  rows: AsyncIterable<Cell[]>,
  onError: (error: unknown) => void = () => undefined,
): Readable => {
  const output = new PassThrough();
  void (async () => {
    // loaded on the first spreadsheet, not at start
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = columns.map(([header, width]) => ({ header, width }));
    worksheet.getRow(1).font = { bold: true, name: '黑体' };
    for await (const row of rows) worksheet.addRow(row).commit();
    worksheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    onError(error);
    output.destroy(error as Error);
  });
  return output;
};

/** Every page of a list, read one page at a time. */
async function* everyItem<T>(page: (cursor?: string) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const current = await page(cursor);
    yield* current.items;
    cursor = current.nextCursor;
  } while (cursor);
}

const result = (latest: { year: number; outcome: string } | null): string =>
  latest ? `${latest.year}年 ${OUTCOME_LABELS[latest.outcome] ?? latest.outcome}` : '';

/**
 * Spreadsheets (.xlsx) of the lists, written with exceljs's streaming writer: each row is committed as it is read, so a
 * list of any length is never held whole, in rows or in the file.
 */
@Injectable()
export class Spreadsheets {
  private readonly logger = new Logger(Spreadsheets.name);

  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(Townships) private readonly townships: Townships,
  ) {}

  /** A township as people read it: the register's name for its id (a township the register lacks, as recorded). */
  private townshipName(township: string): string {
    return this.townships.all().find((entry) => entry.id === township)?.name ?? township;
  }

  /** The case list as filtered (状态, 乡镇 by id or name, 逾期); `visible`: the kindergartens the caller may see (a supervisor's 责任区), undefined for all. */
  async rectifications(filter: RectificationExportFilter, visible?: readonly string[]): Promise<Readable> {
    const kindergartens = await this.kindergartens_();
    const seen = visible && new Set(visible);
    const township = filter.township && (this.townships.idOf(filter.township) ?? filter.township);
    const inTownship = township ? [...kindergartens.values()].filter((k) => k.township === township).map((k) => k.id) : undefined;
    const ids = seen ? (inTownship ?? [...seen]).filter((id) => seen.has(id)) : inTownship;
    const townshipName = (id: string) => this.townshipName(id);
    const rows = async function* (queries: QueryBus): AsyncGenerator<Cell[]> {
      if (ids && ids.length === 0) return;
      const cases = everyItem((cursor) =>
        queries.execute(new ListRectifications({ kindergartenIds: ids, status: filter.status, overdue: filter.overdue, cursor, limit: PAGE })),
      );
      for await (const item of cases) {
        const kindergarten = kindergartens.get(item.kindergartenId);
        yield [
          (item as { documentNo?: string }).documentNo ?? '',
          kindergarten?.name ?? item.kindergartenId,
          kindergarten ? townshipName(kindergarten.township) : '',
          item.findings.map((finding) => finding.description).join('；'),
          CASE_STATUS_LABELS[item.status] ?? item.status,
          chineseDate(item.issuedAt),
          chineseDate(item.dueAt),
          item.overdue ? '是' : '否',
          item.reports.length,
          item.id,
        ];
      }
    };
    return this.workbook(
      '整改事项',
      [
        ['文号', 14],
        ['幼儿园', 28],
        ['乡镇', 10],
        ['存在问题', 50],
        ['状态', 12],
        ['下达日期', 16],
        ['整改期限', 16],
        ['逾期', 6],
        ['报告次数', 10],
        ['编号', 40],
      ],
      rows(this.queries),
    );
  }

  /** The register with enrolment status and the latest results. */
  async kindergartens(visible?: readonly string[]): Promise<Readable> {
    const seen = visible && new Set(visible);
    const townshipName = (id: string) => this.townshipName(id);
    const rows = async function* (queries: QueryBus): AsyncGenerator<Cell[]> {
      for await (const item of everyItem<KindergartenView>((cursor) => queries.execute(new ListKindergartens({ cursor, limit: PAGE })))) {
        if (seen && !seen.has(item.id)) continue;
        yield [
          item.id,
          item.name,
          townshipName(item.township),
          OWNERSHIP_LABELS[item.ownership] ?? item.ownership,
          item.enrolmentStatus === 'suspended' ? '暂停招生' : '正常招生',
          item.suspension ? chineseDate(item.suspension.effectiveFrom) : '',
          result(item.latestAnnual),
          result(item.latestQuality),
          item.openRectifications,
        ];
      }
    };
    return this.workbook(
      '幼儿园名册',
      [
        ['编号', 16],
        ['名称', 30],
        ['乡镇', 10],
        ['办园性质', 12],
        ['招生状态', 10],
        ['暂停招生起始', 16],
        ['最近年检', 14],
        ['最近保教质量评估', 18],
        ['在办整改事项', 12],
      ],
      rows(this.queries),
    );
  }

  /** Units × months of a year: 按时 / 逾期 / 未报 / 待报; blank where a unit owed nothing. */
  async monthlyReports(year: number): Promise<Readable> {
    const units = new Map<string, { name: string; months: Cell[] }>();
    for (let month = 1; month <= 12; month++) {
      const period = periodOf(year, month);
      for await (const report of everyItem((cursor) => this.queries.execute(new ListMonthlyReports(period, cursor, PAGE)))) {
        const unit = units.get(report.unit.id) ?? { name: report.unit.name, months: Array<Cell>(12).fill('') };
        unit.months[month - 1] = REPORT_STANDING_LABELS[report.status] ?? report.status;
        units.set(report.unit.id, unit);
      }
    }
    const rows = async function* (): AsyncGenerator<Cell[]> {
      for (const [id, unit] of units) yield [id, unit.name, ...unit.months];
    };
    return this.workbook(
      `${year}年月度进展报告`,
      [['单位编号', 16], ['责任单位', 30], ...Array.from({ length: 12 }, (_, i) => [`${i + 1}月`, 8] as [string, number])],
      rows(),
    );
  }

  private async kindergartens_(): Promise<Map<string, KindergartenView>> {
    const all = new Map<string, KindergartenView>();
    for await (const item of everyItem<KindergartenView>((cursor) => this.queries.execute(new ListKindergartens({ cursor, limit: PAGE }))))
      all.set(item.id, item);
    return all;
  }

  private workbook(sheet: string, columns: ReadonlyArray<readonly [string, number]>, rows: AsyncIterable<Cell[]>): Readable {
    return streamWorkbook(sheet, columns, rows, (error) => this.logger.error({ err: error }, 'a spreadsheet could not be written to the end'));
  }
}
