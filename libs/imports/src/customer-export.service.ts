import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { stream } from 'exceljs';
import { CONFIG, Config, Page } from '@crm/platform';
import { AuditService, Principal } from '@crm/identity';
import { CustomerDto, CustomersService } from '@crm/customers';
import { EXPORT_COLUMNS, ExportLang, exportRow } from './customer-export';
import { CustomerExportQueryDto } from './dto/customer-export.dto';

/** Customers per list call: keyset pages, so memory stays flat however many customers match. */
const EXPORT_PAGE = 500;

/** The customer list, with the list's filters and visibility rules, as a streamed .xlsx workbook. */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async export(p: Principal, q: CustomerExportQueryDto): Promise<Readable> {
    const { lang = 'zh-CN', ...filters } = q;
    // The first page before answering: a refused filter is still a problem+json answer, not a broken download.
    const first = await this.customers.list(p, { ...filters, limit: EXPORT_PAGE });
    await this.audit.record(p, { action: 'customer.export', entityType: 'customer', entityId: null, details: { filters } });
    const out = new PassThrough();
    this.write(p, filters, first, lang, out).catch((err) => out.destroy(err));
    return out;
  }

  private async write(p: Principal, filters: Omit<CustomerExportQueryDto, 'lang'>, first: Page<CustomerDto>, lang: ExportLang, out: PassThrough) {
    const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet(lang === 'zh-CN' ? '客户' : 'Customers');
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header[lang], width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn('lifetimeValue').numFmt = '#,##0.00';
    for (let page = first; ; ) {
      for (const customer of page.items) sheet.addRow(exportRow(customer, lang, this.config.timeZone)).commit();
      if (!page.nextCursor || out.destroyed) break;
      // Wait for a slow client instead of buffering the whole list.
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) break;
      page = await this.customers.list(p, { ...filters, limit: EXPORT_PAGE, cursor: page.nextCursor });
    }
    sheet.commit();
    await workbook.commit();
  }
}
