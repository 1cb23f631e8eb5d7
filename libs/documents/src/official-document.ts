import type { IRunOptions, Paragraph, Table } from 'docx';

/** 3号 (16 pt) body, 2号 (22 pt) title, in half-points as Word counts them. */
const BODY = 32;
const TITLE = 44;
const FANGSONG = { ascii: '仿宋', eastAsia: '仿宋', hAnsi: '仿宋', cs: '仿宋' };
const HEITI = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体', cs: '黑体' };
// two characters of 16 pt, in twentieths of a point
const FIRST_LINE_INDENT = 640;
const LINE = { line: 560, lineRule: 'exact' as const };

export type Block =
  | { readonly heading: string }
  | { readonly text: string }
  | { readonly table: { readonly header: readonly string[]; readonly rows: readonly (readonly (string | number)[])[] } };

/** What an official document says, laid out after GB/T 9704 (党政机关公文格式) as the county's documents are. */
export interface OfficialDocument {
  readonly authority: string;
  readonly documentNo?: string;
  readonly title: string;
  /** 主送机关: the kindergarten or unit addressed, without the colon. */
  readonly addressee?: string;
  readonly body: readonly Block[];
  /** 成文日期, e.g. 2026年12月3日. */
  readonly date: string;
}

/** The .docx bytes: authority's mark in red, the document number over a red rule, title, addressee, body, authority and date. */
export const renderOfficialDocument = async (document: OfficialDocument): Promise<Buffer> => {
  // loaded on the first document, not at start
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');

  const run = (text: string, options: IRunOptions = {}) => new TextRun({ text, font: FANGSONG, size: BODY, ...options });

  const cell = (text: string | number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(text), { size: 24, ...(bold ? { font: HEITI } : {}) })] })],
    });

  const block = (item: Block): Array<Paragraph | Table> => {
    if ('heading' in item)
      return [new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE_INDENT }, children: [run(item.heading, { font: HEITI })] })];
    if ('text' in item)
      return [
        new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE_INDENT }, alignment: AlignmentType.JUSTIFIED, children: [run(item.text)] }),
      ];
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: item.table.header.map((text) => cell(text, true)) }),
          ...item.table.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
        ],
      }),
      new Paragraph({ children: [] }),
    ];
  };

  const doc = new Document({
    creator: document.authority,
    title: document.title,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        // A4 with the standard's margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(document.authority, { font: HEITI, size: 64, color: 'C00000', bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } },
            spacing: { after: 480 },
            children: document.documentNo ? [run(document.documentNo)] : [],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, children: [run(document.title, { font: HEITI, size: TITLE })] }),
          ...(document.addressee ? [new Paragraph({ spacing: LINE, children: [run(`${document.addressee}：`)] })] : []),
          ...document.body.flatMap(block),
          new Paragraph({ spacing: { before: 960 }, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(document.authority)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(document.date)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
};

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
