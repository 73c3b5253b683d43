import { Workbook } from 'exceljs';
import { cellText, decodeText, readSpreadsheet, UnreadableSpreadsheet } from '../spreadsheet';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readSpreadsheet', () => {
  it('reads an .xlsx file: the header row, then data rows as text with their row numbers', async () => {
    const file = await xlsx([
      ['姓名', '手机', '金额', '出发日期'],
      ['张伟', 13800138000, 12800.5, new Date(Date.UTC(2026, 3, 1))],
      [],
      ['李娜', '13900139000', 0.1 + 0.2, new Date(Date.UTC(2026, 3, 1, 9, 30))],
    ]);
    expect(await readSpreadsheet(file)).toEqual({
      headers: ['姓名', '手机', '金额', '出发日期'],
      rows: [
        { rowNumber: 2, cells: ['张伟', '13800138000', '12800.5', '2026-04-01'] },
        { rowNumber: 4, cells: ['李娜', '13900139000', '0.3', '2026-04-01 09:30:00'] },
      ],
    });
  });

  it('reads a UTF-8 .csv file with a BOM, keeping values as written', async () => {
    const file = Buffer.from('\uFEFF姓名,编号,手机\r\n张伟,007,"138 0013 8000"\r\n,,\r\n"王, 芳",2026-03-01,\r\n', 'utf8');
    expect(await readSpreadsheet(file)).toEqual({
      headers: ['姓名', '编号', '手机'],
      rows: [
        { rowNumber: 2, cells: ['张伟', '007', '138 0013 8000'] },
        { rowNumber: 4, cells: ['王, 芳', '2026-03-01', ''] },
      ],
    });
  });

  it('reads a .csv file saved by Chinese Excel (GB18030)', async () => {
    // "姓名,手机\n张伟,13800138000" in GBK.
    const gbk = Buffer.from('d0d5c3fb2ccad6bbfa0ad5c5ceb02c3133383030313338303030', 'hex');
    const sheet = await readSpreadsheet(gbk);
    expect(sheet.headers).toEqual(['姓名', '手机']);
    expect(sheet.rows[0].cells).toEqual(['张伟', '13800138000']);
  });

  it('refuses a file that is no spreadsheet', async () => {
    await expect(readSpreadsheet(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toBeInstanceOf(UnreadableSpreadsheet);
  });

  it('gives an empty sheet no header and no rows', async () => {
    expect(await readSpreadsheet(await xlsx([]))).toEqual({ headers: [], rows: [] });
  });
});

describe('decodeText', () => {
  it('prefers UTF-8 and drops its BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFabc'))).toBe('abc');
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [' x ', 'x'],
    [42, '42'],
    [0.1 + 0.2, '0.3'],
    [1.005, '1.005'],
    [true, 'true'],
    [new Date(Date.UTC(1985, 3, 12)), '1985-04-12'],
    [new Date(Date.UTC(2026, 2, 1, 10, 0, 5)), '2026-03-01 10:00:05'],
    [{ richText: [{ text: '张' }, { text: '伟' }] }, '张伟'],
    [{ formula: 'A1*2', result: 25600 }, '25600'],
    [{ text: 'mail me', hyperlink: 'mailto:a@b.c' }, 'mail me'],
    [{ error: '#N/A' }, ''],
    [Number.NaN, ''],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
