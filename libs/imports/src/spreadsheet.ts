import { Readable } from 'node:stream';
import { CellValue, Workbook, Worksheet } from 'exceljs';

/** A sheet as text: the header row and the data rows, each with its row number in the file (what users see in Excel). */
export interface Sheet {
  headers: string[];
  rows: { rowNumber: number; cells: string[] }[];
}

export class UnreadableSpreadsheet extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the first worksheet of an .xlsx file, or a .csv file (UTF-8, or GB18030 as Chinese Excel saves it),
 * with exceljs. The first non-empty row is the header; empty rows are skipped.
 */
export async function readSpreadsheet(file: Buffer): Promise<Sheet> {
  const workbook = new Workbook();
  let sheet: Worksheet | undefined;
  try {
    if (file.subarray(0, 4).equals(ZIP_MAGIC)) {
      // exceljs types its buffer as an ArrayBuffer; a Node Buffer is what it reads.
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0];
    } else {
      // Values stay text: exceljs would otherwise turn "007" into 7 and guess dates.
      sheet = await workbook.csv.read(Readable.from([decodeText(file)]), { map: (value: unknown) => value });
    }
  } catch (err) {
    throw new UnreadableSpreadsheet(err instanceof Error ? err.message : String(err));
  }
  if (!sheet) throw new UnreadableSpreadsheet('the workbook has no worksheet');

  const lines: { rowNumber: number; cells: string[] }[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c !== '')) lines.push({ rowNumber, cells });
  });
  const [header, ...rows] = lines;
  return { headers: header?.cells ?? [], rows };
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030, the superset of GBK. */
export function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

/**
 * A cell as the text a person reads in it. Dates have no time zone in a workbook: exceljs hands them over as
 * UTC, so their UTC fields are the wall-clock time written in the sheet. Numbers drop binary noise
 * (0.1 + 0.2 shows as 0.3) by keeping the 15 significant digits a spreadsheet itself displays.
 */
export function cellText(value: CellValue | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}
