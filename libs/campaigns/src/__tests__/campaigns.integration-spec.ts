import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, rowCount, runJobToEnd, sql, userWithRole } from '../../../../test/support/http';

/** Campaign settings: admins and managers, validated, audited; a campaign that picked customers is kept. */
describe('campaigns', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let am: string;
  const spring = { name: '春季唤醒', discountPercent: 15, holdoutPercent: 20, channels: ['sms', 'email'], quietStart: '21:00', quietEnd: '09:00' };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    manager = (await userWithRole(t, admin, 'manager')).token;
    am = (await userWithRole(t, admin, 'account_manager')).token;
  }, 60_000);
  afterAll(() => t?.close());

  describe('settings', () => {
    let id: string;

    it('a manager creates one; it is audited', async () => {
      const res = await http(t, manager).post('/api/v1/campaigns', spring);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...spring, active: true });
      id = res.body.id;
      const [audit] = await sql(t, `SELECT action, changes FROM audit_log WHERE entity_id = $1`, [id]);
      expect(audit.action).toBe('campaign.create');
      expect(audit.changes.discountPercent).toEqual({ before: null, after: 15 });
    });

    it.each([
      [{ ...spring, name: '' }, 'name'],
      [{ ...spring, name: '春季唤醒' }, 'name'], // taken
      [{ ...spring, name: 'x', discountPercent: 0 }, 'discountPercent'],
      [{ ...spring, name: 'x', discountPercent: 91 }, 'discountPercent'],
      [{ ...spring, name: 'x', holdoutPercent: 51 }, 'holdoutPercent'],
      [{ ...spring, name: 'x', holdoutPercent: 1.5 }, 'holdoutPercent'],
      [{ ...spring, name: 'x', channels: [] }, 'channels'],
      [{ ...spring, name: 'x', channels: ['wechat'] }, 'channels'],
      [{ ...spring, name: 'x', channels: ['sms', 'sms'] }, 'channels'],
      [{ ...spring, name: 'x', quietStart: '25:00' }, 'quietStart'],
      [{ ...spring, name: 'x', quietEnd: null }, 'quietEnd'],
      [{ ...spring, name: 'x', quietEnd: '21:00' }, 'quietEnd'],
    ])('refuses %j with a problem on %s, changing nothing', async (body, field) => {
      const before = await rowCount(t, 'campaigns');
      const res = await http(t, admin).post('/api/v1/campaigns', body);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await rowCount(t, 'campaigns')).toBe(before);
    });

    it('updates only what is sent, audits the change, refuses null for a required field', async () => {
      const res = await http(t, admin).patch(`/api/v1/campaigns/${id}`, { discountPercent: 25, quietStart: null, quietEnd: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ discountPercent: 25, holdoutPercent: 20, quietStart: null, quietEnd: null });
      const audits = await sql(t, `SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'campaign.update'`, [id]);
      expect(Object.keys(audits[0].changes).sort()).toEqual(['discountPercent', 'quietEnd', 'quietStart']);
      expect((await http(t, admin).patch(`/api/v1/campaigns/${id}`, { name: null })).status).toBe(422);
      expect((await http(t, admin).patch(`/api/v1/campaigns/${id}`, { quietStart: '22:00' })).body.errors[0].field).toBe('quietEnd');
    });

    it('account managers and agents may not see or change campaigns; unknown ids are 404', async () => {
      expect((await http(t, am).get('/api/v1/campaigns')).status).toBe(403);
      expect((await http(t, am).post('/api/v1/campaigns', { ...spring, name: 'y' })).status).toBe(403);
      expect((await http(t, admin).get('/api/v1/campaigns/not-a-uuid')).status).toBe(404);
      expect((await http(t, admin).get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await http(t, manager).get('/api/v1/campaigns')).body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    });

    it('deletes a campaign that picked nobody; one that did is kept (409)', async () => {
      const other = (await http(t, admin).post('/api/v1/campaigns', { ...spring, name: '临时' })).body.id;
      expect((await http(t, admin).delete(`/api/v1/campaigns/${other}`)).status).toBe(204);
      expect((await http(t, admin).get(`/api/v1/campaigns/${other}`)).status).toBe(404);
      const customer = (await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '留存' })).body.id;
      await sql(t, `INSERT INTO campaign_recipients (campaign_id, customer_id, "group", channel, language, due_at, picked_at) VALUES ($1, $2, 'control', 'sms', 'zh-CN', now(), now())`, [id, customer]);
      expect((await http(t, admin).delete(`/api/v1/campaigns/${id}`)).status).toBe(409);
      await sql(t, `DELETE FROM campaign_recipients WHERE campaign_id = $1`, [id]);
    });
  });

  describe('reactivate-sleeping', () => {
    const AS_OF = '2026-11-20T02:00:00.000Z'; // 10:00 in Shanghai
    const NIGHT = '2026-11-20T14:00:00.000Z'; // 22:00, in quiet hours
    const ids: Record<string, string> = {};
    let campaignA: string;
    let owner: { id: string; token: string };
    const run = async (asOf: string) => {
      const r = await runJobToEnd(t, admin, 'reactivate-sleeping', asOf);
      expect(r.state).toBe('completed');
      return r.result;
    };
    const picks = (campaignId: string) =>
      sql(t, `SELECT c.name, r."group", r.channel, r.language, r.due_at, o.recipient, o.subject, o.body, o.next_attempt_at, o.status
              FROM campaign_recipients r JOIN customers c ON c.id = r.customer_id LEFT JOIN outgoing_messages o ON o.id = r.outgoing_message_id
              WHERE r.campaign_id = $1 ORDER BY c.name`, [campaignId]);

    beforeAll(async () => {
      owner = await userWithRole(t, admin, 'account_manager', 'owner');
      const customer = async (name: string, f: { phone?: string; email?: string; sms?: boolean; mail?: boolean; dnc?: boolean; deleted?: boolean }, sales: [string, string, string | null, string | null, string?, string?][]) => {
        const [{ id }] = await sql(t,
          `INSERT INTO customers (type, name, owner_id, phone, email, consent_sms, consent_email, do_not_contact, deleted_at, created_at)
           VALUES ('individual', $1, $2, $3, $4, $5, $6, $7, $8, '2024-01-01') RETURNING id`,
          [name, owner.id, f.phone ?? null, f.email ?? null, f.sms ?? false, f.mail ?? false, f.dnc ?? false, f.deleted ? AS_OF : null]);
        ids[name] = id;
        for (const [i, [bookedAt, destination, departure, ret, category, status]] of sales.entries()) {
          await sql(t,
            `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, return_date, destination, category, amount_value, amount_currency)
             VALUES ('erp', $1, $2, $3, $4, $5, $6, $7, $8, 500000, 'CNY')`,
            [`${name}-${i}`, id, status ?? 'completed', bookedAt, departure, ret, destination, category ?? 'family']);
        }
      };
      await customer('林小雨', { phone: '+8613800000001', sms: true }, [['2025-10-01T10:00:00+08:00', '清迈', '2025-11-15', '2025-11-20', 'independent'], ['2023-05-01T10:00:00+08:00', '三亚', '2023-06-01', '2023-06-05', 'independent']]);
      await customer('Emma', { email: 'emma@example.com', phone: '+447700900123', mail: true }, [['2024-06-01T10:00:00+08:00', '东京', '2024-07-10', '2024-07-15', 'independent']]);
      await customer('后来', { phone: '+8613800000003', sms: true }, [['2025-01-01T10:00:00+08:00', '大阪', '2025-02-01', '2025-02-05'], ['2027-05-01T10:00:00+08:00', '巴黎', '2027-06-01', null]]);
      await customer('没同意', { phone: '+8613800000004', email: 'no@example.com' }, [['2024-01-05T10:00:00+08:00', '三亚', '2024-02-01', null]]);
      await customer('勿扰', { phone: '+8613800000005', sms: true, dnc: true }, [['2024-01-05T10:00:00+08:00', '三亚', '2024-02-01', null]]);
      await customer('最近', { phone: '+8613800000006', sms: true }, [['2024-01-05T10:00:00+08:00', '三亚', '2024-02-01', null], ['2026-03-01T10:00:00+08:00', '东京', '2026-04-01', '2026-04-05', 'independent']]);
      await customer('未出发', { phone: '+8613800000007', sms: true }, [['2025-06-01T10:00:00+08:00', '普吉岛', '2025-12-10', '2025-12-15']]);
      await customer('无邮箱', { phone: '+8613800000008', mail: true }, [['2024-01-05T10:00:00+08:00', '三亚', '2024-02-01', null]]);
      await customer('已删除', { phone: '+8613800000009', sms: true, deleted: true }, [['2024-01-05T10:00:00+08:00', '三亚', '2024-02-01', null]]);
      await customer('只咨询', { phone: '+8613800000010', sms: true }, [['2024-01-05T10:00:00+08:00', '三亚', '2024-02-01', null, 'family', 'inquiry']]);
      await sql(t, `UPDATE campaigns SET active = false`);
      campaignA = (await http(t, admin).post('/api/v1/campaigns', { name: 'A', discountPercent: 15, holdoutPercent: 0, channels: ['sms', 'email'], quietStart: '21:00', quietEnd: '09:00' })).body.id;
    });

    it('picks the sleeping customers it may reach, once each, however often it runs at the same asOf', async () => {
      const messagesBefore = await rowCount(t, 'outgoing_messages');
      expect(await run(AS_OF)).toEqual({ campaigns: 1, treated: 3, control: 0 });
      expect(await run(AS_OF)).toEqual({ campaigns: 1, treated: 0, control: 0 });
      expect(await rowCount(t, 'outgoing_messages')).toBe(messagesBefore + 3);
      const rows = await picks(campaignA);
      expect(rows.map((r) => [r.name, r.group, r.channel, r.language, r.recipient, r.status])).toEqual([
        ['Emma', 'treated', 'email', 'en', 'emma@example.com', 'pending'],
        ['后来', 'treated', 'sms', 'zh-CN', '+8613800000003', 'pending'],
        ['林小雨', 'treated', 'sms', 'zh-CN', '+8613800000001', 'pending'],
      ]);
      for (const r of rows) expect([r.due_at.toISOString(), r.next_attempt_at.toISOString()]).toEqual([AS_OF, AS_OF]);
    });

    it('writes the personal message in the customer’s language', async () => {
      const [emma, , lin] = await picks(campaignA);
      expect(lin.subject).toBeNull(); // an SMS
      expect(lin.body).toContain('一年前的今天，你在清迈的咖啡馆晒太阳。');
      expect(lin.body).toMatch(/喜欢自由行的你，这次去东京看看吧？我们为你准备了专属8\.5折优惠/);
      expect(emma.subject).toBe('We miss you, Emma');
      expect(emma.body).toContain('Remember summer 2024, hunting for ramen in the streets of Tokyo?');
      expect(emma.body).not.toMatch(/Tokyo next/); // she has been there
    });

    it('a message due in quiet hours waits for their end; only the campaign’s channels count', async () => {
      await http(t, admin).patch(`/api/v1/campaigns/${campaignA}`, { active: false });
      const b = (await http(t, admin).post('/api/v1/campaigns', { name: 'B', discountPercent: 10, holdoutPercent: 0, channels: ['email'], quietStart: '21:00', quietEnd: '09:00' })).body.id;
      expect(await run(NIGHT)).toEqual({ campaigns: 1, treated: 1, control: 0 });
      const [emma] = await picks(b);
      expect(emma.name).toBe('Emma');
      expect(emma.due_at.toISOString()).toBe('2026-11-21T01:00:00.000Z'); // 09:00 the next morning
      expect(emma.next_attempt_at.toISOString()).toBe('2026-11-21T01:00:00.000Z');
      await http(t, admin).patch(`/api/v1/campaigns/${b}`, { active: false });
    });

    describe('GET /messages', () => {
      const list = async (token: string, query = '') => {
        const res = await http(t, token).get(`/api/v1/messages${query}`);
        expect(res.status).toBe(200);
        return res.body;
      };
      const names = (body: { items: { customerName: string }[] }) => body.items.map((m) => m.customerName);

      it('lists the customers’ messages newest first, with campaign and state', async () => {
        const all = await list(admin);
        expect([...names(all)].sort()).toEqual(['Emma', 'Emma', '后来', '林小雨'].sort());
        expect(all.items.map((m: { id: string }) => Number(m.id))).toEqual(all.items.map((m: { id: string }) => Number(m.id)).sort((a: number, b: number) => b - a));
        expect(all.items).toHaveLength(4);
        expect(all.items[0]).toMatchObject({ customerId: ids.Emma, kind: 'reactivation', campaignName: 'B', channel: 'email', state: 'pending', dueAt: '2026-11-21T01:00:00.000Z', sentAt: null });
        expect(all.nextCursor).toBeNull();
      });

      it.each([
        ['?channel=sms', ['林小雨', '后来']],
        ['?channel=email', ['Emma', 'Emma']],
        ['?state=pending', ['Emma', 'Emma', '林小雨', '后来']],
        ['?state=sent', []],
      ])('filters %s', async (query, expected) => {
        expect(names(await list(admin, query)).sort()).toEqual([...expected].sort());
      });

      it('filters by customer and campaign', async () => {
        expect((await list(admin, `?customerId=${ids.Emma}`)).items.map((m: { campaignName: string }) => m.campaignName)).toEqual(['B', 'A']);
        expect(names(await list(admin, `?campaignId=${campaignA}`)).sort()).toEqual(['Emma', '后来', '林小雨'].sort());
      });

      it('pages with a cursor', async () => {
        const seen: string[] = [];
        let cursor: string | null = '';
        while (cursor !== null) {
          const page: { items: { id: string }[]; nextCursor: string | null } = await list(admin, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...page.items.map((m) => m.id));
          cursor = page.nextCursor;
        }
        expect(seen).toEqual((await list(admin)).items.map((m: { id: string }) => m.id));
      });

      it('account managers see only their own customers’ messages; another’s customer is 404', async () => {
        expect((await list(owner.token)).items).toHaveLength(4);
        const other = await userWithRole(t, admin, 'account_manager', 'other');
        expect((await list(other.token)).items).toEqual([]);
        expect((await http(t, other.token).get(`/api/v1/messages?customerId=${ids.Emma}`)).status).toBe(404);
      });

      it('refuses bad filters with field details', async () => {
        for (const [query, field] of [['?channel=fax', 'channel'], ['?state=lost', 'state'], ['?customerId=x', 'customerId'], ['?cursor=bad', 'cursor'], ['?limit=0', 'limit']]) {
          const res = await http(t, admin).get(`/api/v1/messages${query}`);
          expect(res.status).toBe(422);
          expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        }
      });

      it('leaves the staff outgoing-messages list as it was: admins only', async () => {
        expect((await http(t, admin).get('/api/v1/outgoing-messages')).status).toBe(200);
        expect((await http(t, owner.token).get('/api/v1/outgoing-messages')).status).toBe(403);
      });
    });

    describe('conversions and lift', () => {
      let c: string;
      const groups: Record<string, string[]> = {};
      const sale = (customerId: string, bookedAt: string, value: number, key: string, status = 'confirmed') =>
        sql(t, `INSERT INTO bookings (source, external_id, customer_id, status, booked_at, destination, amount_value, amount_currency) VALUES ('erp', $1, $2, $3, $4, '三亚', $5, 'CNY')`,
          [key, customerId, status, bookedAt, value]);
      const results = async (asOf?: string) => {
        const res = await http(t, manager).get(`/api/v1/campaigns/${c}/results${asOf ? `?asOf=${asOf}` : ''}`);
        expect(res.status).toBe(200);
        return res.body;
      };

      beforeAll(async () => {
        await sql(t, `UPDATE campaigns SET active = false`);
        // 30 more sleeping customers, reachable by SMS, beside the three reachable ones above.
        await sql(t,
          `WITH c AS (INSERT INTO customers (type, name, owner_id, phone, consent_sms, created_at)
                      SELECT 'individual', '测试' || n, $1, '+86137' || lpad(n::text, 8, '0'), true, '2024-01-01' FROM generate_series(1, 30) n RETURNING id)
           INSERT INTO bookings (source, external_id, customer_id, status, booked_at, departure_date, destination, amount_value, amount_currency)
           SELECT 'erp', 'L-' || id, id, 'completed', '2024-03-01', '2024-04-01', '桂林', 100000, 'CNY' FROM c`, [owner.id]);
        c = (await http(t, admin).post('/api/v1/campaigns', { name: 'C', discountPercent: 20, holdoutPercent: 50, channels: ['sms', 'email'] })).body.id;
        expect(await run(AS_OF)).toMatchObject({ campaigns: 1 });
        for (const r of await sql(t, `SELECT customer_id, "group" FROM campaign_recipients WHERE campaign_id = $1 ORDER BY customer_id`, [c])) {
          (groups[r.group] ??= []).push(r.customer_id);
        }
        expect(groups.treated.length).toBeGreaterThanOrEqual(4);
        expect(groups.control.length).toBeGreaterThanOrEqual(2);
        const [t1, t2, t3, t4] = groups.treated;
        const [c1, c2] = groups.control;
        await sale(t1, '2026-12-01T10:00:00+08:00', 200_000, 'x1'); // converted
        await sale(t1, '2027-01-10T10:00:00+08:00', 100_000, 'x2'); // a second sale of the same customer: revenue, not a second conversion
        await sale(t2, '2027-02-18T09:59:00+08:00', 50_000, 'x3'); // 89 days 23:59 after 10:00 on 20 November: inside
        await sale(t3, '2027-02-18T10:00:00+08:00', 70_000, 'x4'); // exactly 90 days: outside
        await sale(t4, '2026-11-20T09:00:00+08:00', 80_000, 'x5'); // before the message: not a conversion
        await sale(t4, '2026-12-05T10:00:00+08:00', 90_000, 'x6', 'cancelled'); // not a sale
        await sale(c1, '2026-12-20T10:00:00+08:00', 40_000, 'x7'); // the control group buys too
        await sale(c2, '2027-03-01T10:00:00+08:00', 40_000, 'x8'); // too late
        await sql(t, `UPDATE outgoing_messages SET status = 'sent', sent_at = $2 WHERE id = (SELECT outgoing_message_id FROM campaign_recipients WHERE campaign_id = $1 AND customer_id = $3)`, [c, AS_OF, t1]);
      });

      it('counts a sale within 90 days of the message, per group, with revenue and lift', async () => {
        const r = await results('2027-06-01T00:00:00Z');
        const nT = groups.treated.length;
        const nC = groups.control.length;
        expect(r.conversionDays).toBe(90);
        expect(r.treated).toEqual({ customers: nT, sent: 1, converted: 2, conversionRate: 2 / nT, revenue: [{ currency: 'CNY', value: 350_000, perCustomer: 350_000 / nT }] });
        expect(r.control).toEqual({ customers: nC, sent: 0, converted: 1, conversionRate: 1 / nC, revenue: [{ currency: 'CNY', value: 40_000, perCustomer: 40_000 / nC }] });
        expect(r.lift.conversionRate).toBeCloseTo(2 / nT - 1 / nC, 10);
        expect(r.lift.relative).toBeCloseTo((2 / nT) / (1 / nC) - 1, 10);
        expect(r.lift.incrementalConversions).toBeCloseTo((2 / nT - 1 / nC) * nT, 10);
        expect(r.lift.incrementalRevenue).toEqual([{ currency: 'CNY', value: Math.round((350_000 / nT - 40_000 / nC) * nT) }]);
      });

      it('only what was booked by asOf counts', async () => {
        const r = await results('2026-12-10T00:00:00Z');
        expect([r.treated.converted, r.control.converted, r.treated.revenue[0].value]).toEqual([1, 0, 200_000]);
        expect((await http(t, manager).get(`/api/v1/campaigns/${c}/results?asOf=yesterday`)).status).toBe(422);
        expect((await http(t, am).get(`/api/v1/campaigns/${c}/results`)).status).toBe(403);
      });

      it('a campaign with nobody picked has no rates and no lift', async () => {
        const empty = (await http(t, admin).post('/api/v1/campaigns', { name: 'D', discountPercent: 5, holdoutPercent: 10, channels: ['email'], active: false })).body.id;
        const r = (await http(t, admin).get(`/api/v1/campaigns/${empty}/results`)).body;
        expect(r.treated).toEqual({ customers: 0, sent: 0, converted: 0, conversionRate: null, revenue: [] });
        expect(r.lift).toEqual({ conversionRate: null, relative: null, incrementalConversions: null, incrementalRevenue: [] });
      });

      it('a merged customer’s picks move to the survivor, who is not picked again', async () => {
        const survivor = (await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '林小雨（新档案）', phone: '+8613800000099', consent: { sms: true } })).body.id;
        await sql(t, `UPDATE customers SET created_at = '2024-01-01' WHERE id = $1`, [survivor]);
        const merged = await http(t, admin).post(`/api/v1/customers/${survivor}/merge`, { mergedId: ids['林小雨'] });
        expect(merged.status).toBe(200);
        expect(merged.body.moved.campaignRecipients).toBe(2); // campaigns A and C
        expect(await sql(t, `SELECT count(*)::int AS n FROM campaign_recipients WHERE customer_id = $1`, [survivor])).toEqual([{ n: 2 }]);
        expect(await run(AS_OF)).toEqual({ campaigns: 1, treated: 0, control: 0 });
      });
    });
  });
});
