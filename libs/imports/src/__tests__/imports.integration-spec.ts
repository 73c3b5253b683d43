import { Workbook } from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, until, userWithRole } from '../../../../test/support/http';
import { ImportApplyService } from '../import-apply.service';
import { MAX_IMPORT_BYTES } from '../imports.service';

const base = '/api/v1/imports';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CUSTOMER_ROWS = [
  ['客户编号', '姓名', '手机', '邮箱', '生日', '备注'],
  ['C-1', '张伟', '13800138000', 'zhang.wei@example.com', new Date(Date.UTC(1985, 3, 12)), 'VIP'],
  ['C-2', '李娜', '139 0013 9000', '', '', ''],
  ['C-3', '王芳', '12345', '', '', '手机号写错了'],
  ['C-4', '上海远航科技', '', 'travel@yuanhang.cn', '', ''],
];

describe('spreadsheet imports', () => {
  let t: TestApp;
  let admin: string;
  let manager: { id: string; token: string };
  let am: { id: string; token: string };
  let agent: { id: string; token: string };
  let customersFile: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    manager = await userWithRole(t, admin, 'manager', 'mgr');
    am = await userWithRole(t, admin, 'account_manager', 'am');
    agent = await userWithRole(t, admin, 'agent', 'agent');
    customersFile = await xlsx(CUSTOMER_ROWS);
  });
  afterAll(() => t.close());

  const upload = (token: string, kind: string, file: Buffer, fileName = 'customers.xlsx', contentType = 'application/octet-stream') =>
    request(t.app.getHttpServer())
      .post(`${base}?kind=${kind}&fileName=${encodeURIComponent(fileName)}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', contentType)
      .send(file);
  const uploaded = async (kind: string, file: Buffer, fileName?: string) => {
    const res = await upload(admin, kind, file, fileName);
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const runToEnd = async (id: string) => {
    const started = await http(t, admin).post(`${base}/${id}/run`);
    expect(started.status).toBe(202);
    return until('the import to finish', async () => {
      const r = await http(t, admin).get(`${base}/${id}`);
      return ['completed', 'failed'].includes(r.body.state) && r.body;
    });
  };
  const count = async (table: string) => Number((await sql(t, `SELECT count(*) AS n FROM ${table}`))[0].n);

  describe('customers', () => {
    let first: { id: string; jobRunId: string };

    it('uploads a sheet and answers the preview with a mapping suggested from the headers', async () => {
      const res = await upload(admin, 'customers', customersFile, '客户名单.xlsx');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'customers',
        source: 'import',
        fileName: '客户名单.xlsx',
        headers: ['客户编号', '姓名', '手机', '邮箱', '生日', '备注'],
        mapping: { externalId: 0, name: 1, phone: 2, email: 3, birthday: 4 },
        rowCount: 4,
        state: 'ready',
        progress: 0,
        counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
        jobRunId: null,
        earlierUpload: null,
      });
      expect(res.body.sample[0]).toEqual({ rowNumber: 2, cells: ['C-1', '张伟', '13800138000', 'zhang.wei@example.com', '1985-04-12', 'VIP'] });
      expect(res.body.fields.find((f: { key: string }) => f.key === 'name')).toEqual({ key: 'name', required: true });
      first = res.body;
      const [audit] = await sql(t, `SELECT details FROM audit_log WHERE action = 'import.upload' AND entity_id = $1`, [first.id]);
      expect(audit.details).toMatchObject({ kind: 'customers', rowCount: 4, fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(JSON.stringify(audit.details)).not.toContain('张伟');
    });

    it('takes a changed mapping, and refuses one without the required fields', async () => {
      const bad = await http(t, admin).put(`${base}/${first.id}/mapping`, { mapping: { phone: 2, nickname: 5 } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['mapping.name', 'mapping.nickname']);
      const outOfRange = await http(t, admin).put(`${base}/${first.id}/mapping`, { mapping: { name: 9 } });
      expect(outOfRange.body.errors).toEqual([{ field: 'mapping.name', message: 'column 9 does not exist' }]);

      const ok = await http(t, admin).put(`${base}/${first.id}/mapping`, { mapping: { externalId: 0, name: 1, phone: 2, email: 3, birthday: 4 } });
      expect(ok.status).toBe(200);
      expect(ok.body.mapping).toEqual({ externalId: 0, name: 1, phone: 2, email: 3, birthday: 4 });
    });

    it('dry-runs every row, naming the bad row by its number in the file, and writes nothing', async () => {
      const res = await http(t, admin).post(`${base}/${first.id}/dry-run`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        rowCount: 4,
        valid: 3,
        invalid: 1,
        errors: [{ rowNumber: 4, field: 'phone', column: 2, message: 'phone is not a valid phone number' }],
      });
      expect(await count('customers')).toBe(0);
      expect((await http(t, admin).get(`${base}/${first.id}`)).body.state).toBe('ready');
    });

    it('imports as a background job: the good rows become customers, the bad row is reported', async () => {
      const done = await runToEnd(first.id);
      expect(done).toMatchObject({ state: 'completed', progress: 100, counts: { created: 3, updated: 0, unchanged: 0, failed: 1 }, error: null });
      first.jobRunId = done.jobRunId;
      const job = await http(t, admin).get(`/api/v1/jobs/runs/${done.jobRunId}`);
      expect(job.body).toMatchObject({ name: 'import', state: 'completed', progress: 100, result: { created: 3, updated: 0, unchanged: 0, failed: 1 } });

      const failed = await http(t, admin).get(`${base}/${first.id}/rows?outcome=failed`);
      expect(failed.body).toEqual({
        items: [{ rowNumber: 4, cells: CUSTOMER_ROWS[3], outcome: 'failed', errors: [{ field: 'phone', message: 'phone is not a valid phone number' }], entityId: null }],
        nextCursor: null,
      });

      const zhang = await http(t, admin).get('/api/v1/customers?source=import&externalId=C-1');
      expect(zhang.body.items[0]).toMatchObject({ name: '张伟', phone: '+8613800138000', email: 'zhang.wei@example.com', birthday: '1985-04-12', type: 'individual' });
      expect(await count('customers')).toBe(3);
    });

    it('pages through all rows with their outcomes', async () => {
      const page1 = await http(t, admin).get(`${base}/${first.id}/rows?limit=3`);
      expect(page1.body.items.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created', 'failed']);
      const page2 = await http(t, admin).get(`${base}/${first.id}/rows?limit=3&cursor=${page1.body.nextCursor}`);
      expect(page2.body).toMatchObject({ items: [{ rowNumber: 5, outcome: 'created' }], nextCursor: null });
    });

    it('starting a completed import again changes nothing', async () => {
      const again = await http(t, admin).post(`${base}/${first.id}/run`);
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ state: 'completed', jobRunId: first.jobRunId, counts: { created: 3, failed: 1 } });
      const mapping = await http(t, admin).put(`${base}/${first.id}/mapping`, { mapping: { name: 1 } });
      expect(mapping.status).toBe(409);
    });

    it('a job delivered twice, or killed between applying and recording a chunk, counts and creates nothing twice', async () => {
      const service = t.app.get(ImportApplyService);
      expect(await service.applyPending(first.jobRunId, async () => undefined)).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 1 });
      // As if the worker died after the customers service wrote row 2 but before its outcome was recorded.
      await sql(t, `UPDATE import_rows SET outcome = NULL WHERE import_id = $1 AND row_number = 2`, [first.id]);
      await sql(t, `UPDATE imports SET processed = processed - 1, created = created - 1 WHERE id = $1`, [first.id]);
      expect(await service.applyPending(first.jobRunId, async () => undefined)).toEqual({ created: 2, updated: 0, unchanged: 1, failed: 1 });
      expect(await count('customers')).toBe(3);
    });

    it('importing the same file again changes nothing, and says the file was uploaded before', async () => {
      const second = await uploaded('customers', customersFile);
      expect(second.earlierUpload).toEqual({ id: first.id, createdAt: expect.any(String) });
      const before = await sql(t, 'SELECT id, updated_at FROM customers ORDER BY id');
      const done = await runToEnd(second.id);
      expect(done.counts).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 1 });
      expect(await sql(t, 'SELECT id, updated_at FROM customers ORDER BY id')).toEqual(before);
    });

    it('updates the fields a later file changes, and finds people by phone or email when it has no id column', async () => {
      const file = await xlsx([
        ['Name', 'Mobile', 'E-mail', 'Company'],
        ['张伟', '+86 138 0013 8000', 'zw@example.com', '远航科技'],
        ['Li Na', '13900139000', '', ''],
        ['New Person', '', 'new@example.com', ''],
      ]);
      const imp = await uploaded('customers', file, 'update.xlsx');
      expect(imp.mapping).toEqual({ name: 0, phone: 1, email: 2, organization: 3 });
      const done = await runToEnd(imp.id);
      expect(done.counts).toEqual({ created: 1, updated: 2, unchanged: 0, failed: 0 });
      expect(await count('customers')).toBe(4);
      const zhang = (await http(t, admin).get('/api/v1/customers?source=import&externalId=C-1')).body.items[0];
      expect(zhang).toMatchObject({ name: '张伟', email: 'zw@example.com', organization: '远航科技', birthday: '1985-04-12' });
    });
  });

  describe('bookings', () => {
    const csv = [
      '订单号,客户编号,客户姓名,手机,状态,下单时间,出发日期,返回日期,目的地,产品名称,类别,人数,金额(元)',
      'B-1,,张伟,13800138000,已确认,2026-03-01 10:00,2026-04-01,2026-04-05,三亚,三亚亲子5日游,亲子,3,"12,800.50"',
      'B-2,K-9,赵敏,13600136000,completed,2025-12-01 09:00,2025-12-20,2025-12-24,清迈,清迈慢游,自由行,2,0.29',
      'B-3,K-10,钱多多,13500135000,已确认,2026-03-02 10:00,,,大理,大理4日,,1,12.345',
    ].join('\n');

    it('imports bookings, resolving people to existing customers, and reports the bad row; again changes nothing', async () => {
      const imp = await uploaded('bookings', Buffer.from(csv), 'bookings.csv');
      expect(imp.mapping).toMatchObject({ externalId: 0, customerExternalId: 1, name: 2, phone: 3, status: 4, bookedAt: 5, amount: 12 });
      const dry = await http(t, admin).post(`${base}/${imp.id}/dry-run`);
      expect(dry.body).toEqual({
        rowCount: 3,
        valid: 2,
        invalid: 1,
        errors: [{ rowNumber: 4, field: 'amount', column: 12, message: 'amount must be yuan with at most two decimals, such as 12800.50' }],
      });
      expect(await count('bookings')).toBe(0);
      const customersBefore = await count('customers');

      const done = await runToEnd(imp.id);
      expect(done.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 1 });
      const rows = await sql(t, `SELECT external_id, amount_value, customer_id FROM bookings ORDER BY external_id`);
      expect(rows.map((r) => [r.external_id, Number(r.amount_value)])).toEqual([['B-1', 1_280_050], ['B-2', 29]]);
      const zhang = (await http(t, admin).get('/api/v1/customers?source=import&externalId=C-1')).body.items[0];
      expect(rows[0].customer_id).toBe(zhang.id);
      expect(await count('customers')).toBe(customersBefore + 1);

      const again = await runToEnd((await uploaded('bookings', Buffer.from(csv), 'bookings.csv')).id);
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 1 });
      expect(await count('bookings')).toBe(2);
      expect(await count('customers')).toBe(customersBefore + 1);

      const changed = await runToEnd((await uploaded('bookings', Buffer.from(csv.replace('三亚亲子5日游', '三亚亲子6日游')), 'bookings-v2.csv')).id);
      expect(changed.counts).toEqual({ created: 0, updated: 1, unchanged: 1, failed: 1 });
    });
  });

  describe('what is refused', () => {
    it('lets only admins and managers import', async () => {
      expect((await upload(am.token, 'customers', customersFile)).status).toBe(403);
      expect((await upload(agent.token, 'customers', customersFile)).status).toBe(403);
      const byManager = await upload(manager.token, 'customers', customersFile);
      expect(byManager.status).toBe(201);
      expect((await http(t, am.token).get(`${base}/${byManager.body.id}`)).status).toBe(403);
      expect((await http(t, am.token).post(`${base}/${byManager.body.id}/run`)).status).toBe(403);
    });

    it('answers 413 beyond the upload limit, and 422 for what is no spreadsheet', async () => {
      const tooLarge = await upload(admin, 'customers', Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);

      const garbage = await upload(admin, 'customers', Buffer.from('PK\u0003\u0004garbage'));
      expect(garbage.status).toBe(422);
      expect(garbage.body.errors).toEqual([{ field: 'file', message: 'the file is not a readable .xlsx or .csv spreadsheet' }]);
      expect((await upload(admin, 'customers', Buffer.from('姓名,手机\n'))).body.errors[0].message).toBe('the file has a header row but no data rows');
      expect((await upload(admin, 'customers', Buffer.alloc(0))).status).toBe(422);
      expect((await upload(admin, 'pets', customersFile)).status).toBe(422);
    });

    it('accepts the spreadsheet content types browsers send', async () => {
      const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      expect((await upload(admin, 'customers', customersFile, 'a.xlsx', xlsxType)).status).toBe(201);
      expect((await upload(admin, 'customers', Buffer.from('姓名,手机\n张伟,13800138000'), 'a.csv', 'text/csv')).status).toBe(201);
    });

    it('answers 404 for an unknown import', async () => {
      expect((await http(t, admin).get(`${base}/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
      expect((await http(t, admin).get(`${base}/nope`)).status).toBe(404);
    });
  });

  describe('customer export', () => {
    const download = (token: string, query = '') =>
      request(t.app.getHttpServer())
        .get(`/api/v1/customers/export.xlsx${query}`)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const sheetOf = async (body: Buffer) => {
      const wb = new Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { name: ws.name, rows };
    };

    it('exports the filtered list as an .xlsx workbook with Chinese headers', async () => {
      const res = await download(admin, '?q=' + encodeURIComponent('张伟'));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain('attachment');
      const { name, rows } = await sheetOf(res.body);
      expect(name).toBe('客户');
      expect(rows[0]).toEqual(['姓名', '类型', '手机', '邮箱', '机构', '城市', '生日', '负责人', '等级', '生命周期', '标签', '累计消费（元）', '外部编号', '创建时间']);
      expect(rows).toHaveLength(2);
      expect(rows[1].slice(0, 5)).toEqual(['张伟', '个人', '+8613800138000', 'zw@example.com', '远航科技']);
      // The later file without an id column knew 张伟 by phone: that became a second reference in the same source.
      expect(rows[1][12]).toBe('import:C-1; import:+8613800138000');
    });

    it('exports every matching customer across list pages, in English on request', async () => {
      const all = await sheetOf((await download(admin, '?lang=en-US')).body);
      expect(all.name).toBe('Customers');
      expect(all.rows[0][0]).toBe('Name');
      expect(all.rows).toHaveLength(1 + (await count('customers')));
    });

    it('gives account managers only their own customers, and audits the export', async () => {
      await http(t, am.token).post('/api/v1/customers', { type: 'individual', name: '客户经理的客户', phone: '13100131000' });
      await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '经理的客户', phone: '13200132000', ownerId: manager.id });
      const mine = await sheetOf((await download(am.token)).body);
      const own = await sql(t, 'SELECT name FROM customers WHERE owner_id = $1 AND deleted_at IS NULL', [am.id]);
      expect(mine.rows.slice(1).map((r) => r[0]).sort()).toEqual(own.map((r) => r.name).sort());
      expect(mine.rows.slice(1).map((r) => r[0])).toContain('客户经理的客户');
      expect(mine.rows.slice(1).map((r) => r[0])).not.toContain('经理的客户');
      expect(own.length).toBeLessThan(await count('customers'));
      expect(await count(`audit_log WHERE action = 'customer.export'`)).toBeGreaterThanOrEqual(3);
    });

    it('refuses bad filters with problem+json, before any file is sent', async () => {
      const res = await http(t, admin).get('/api/v1/customers/export.xlsx?type=alien');
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await http(t, am.token).get('/api/v1/customers/export.xlsx?deleted=true')).status).toBe(403);
    });
  });
});
