import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, userWithRole } from '../../../../test/support/http';

const base = '/api/v1/customers';

describe('customers API', () => {
  let t: TestApp;
  let admin: string;
  let am1: { id: string; token: string };
  let am2: { id: string; token: string };
  let agent: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    am1 = await userWithRole(t, admin, 'account_manager', 'am1');
    am2 = await userWithRole(t, admin, 'account_manager', 'am2');
    agent = await userWithRole(t, admin, 'agent', 'agent');
  });
  afterAll(() => t.close());

  const create = async (token: string, body: object) => {
    const res = await http(t, token).post(base, body);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const count = async () => Number((await sql(t, 'SELECT count(*) AS n FROM customers'))[0].n);

  describe('create and read', () => {
    it('creates an organisation with contacts and references, normalising phones and emails', async () => {
      const c = await create(admin, {
        type: 'organization',
        name: '上海远航科技有限公司',
        phone: '021-6233 5566',
        email: ' Travel@YuanHang.CN ',
        city: '上海',
        tags: ['商务', '商务', '团建'],
        preferredSeasons: ['spring', 'autumn'],
        sensitivities: ['酒店卫生评分低于4.8不可接受'],
        motivations: ['团队奖励'],
        consent: { email: true, wechat: true },
        contacts: [
          { name: '王总', role: '行政总监', phone: '13912345678', email: 'Wang@YuanHang.cn', primary: true },
          { name: '小刘', role: '行政助理' },
        ],
        externalRefs: [{ source: 'erp', externalId: 'C-1001' }],
        ownerId: am1.id,
      });
      expect(c).toMatchObject({
        type: 'organization',
        phone: '+862162335566',
        email: 'travel@yuanhang.cn',
        tags: ['商务', '团建'],
        consent: { sms: false, email: true, wechat: true, phone: false },
        ownerId: am1.id,
        owner: { id: am1.id, name: 'am1', active: true },
        tier: null,
        quadrant: null,
        lifecycleStage: null,
        health: null,
        lifetimeValue: { value: 0, currency: 'CNY' },
        externalRefs: [{ source: 'erp', externalId: 'C-1001' }],
      });
      expect(c.contacts).toEqual([
        { id: expect.any(String), name: '王总', role: '行政总监', phone: '+8613912345678', email: 'wang@yuanhang.cn', primary: true },
        { id: expect.any(String), name: '小刘', role: '行政助理', phone: null, email: null, primary: false },
      ]);
      const read = await http(t, admin).get(`${base}/${c.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(c);
    });

    it('finds a customer by an outside reference: zero or one item', async () => {
      const hit = await http(t, admin).get(`${base}?source=erp&externalId=C-1001`);
      expect(hit.body.items.map((c: { name: string }) => c.name)).toEqual(['上海远航科技有限公司']);
      const miss = await http(t, admin).get(`${base}?source=erp&externalId=C-404`);
      expect(miss.body).toEqual({ items: [], nextCursor: null });
      expect((await http(t, admin).get(`${base}?source=erp`)).status).toBe(422);
    });

    it('refuses a reference another customer holds, with 409, and creates nothing', async () => {
      const before = await count();
      const res = await http(t, admin).post(base, { type: 'individual', name: '重复', externalRefs: [{ source: 'erp', externalId: 'C-1001' }] });
      expect(res.status).toBe(409);
      expect(await count()).toBe(before);
    });

    it('owns a new customer by its creator by default and records the first owner', async () => {
      const c = await create(am1.token, { type: 'individual', name: '欧阳娜娜', phone: '13800138000' });
      expect(c.ownerId).toBe(am1.id);
      const history = await http(t, am1.token).get(`${base}/${c.id}/owner-history`);
      expect(history.body.items).toEqual([expect.objectContaining({ from: null, to: expect.objectContaining({ id: am1.id }), reason: 'created' })]);
    });

    it('does not let an account manager create a customer for someone else', async () => {
      const res = await http(t, am1.token).post(base, { type: 'individual', name: 'x', ownerId: am2.id });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'ownerId', message: 'account managers create customers they own' }]);
    });
  });

  describe('bad input changes nothing', () => {
    it.each([
      ['malformed JSON', '{"type": "individual", "name": ', 400, undefined],
      ['an unknown field', { type: 'individual', name: 'x', nickname: 'y' }, 422, 'nickname'],
      ['a wrong type', { type: 'individual', name: 12345 }, 422, 'name'],
      ['an unknown customer type', { type: 'alien', name: 'x' }, 422, 'type'],
      ['an over-long name', { type: 'individual', name: '长'.repeat(201) }, 422, 'name'],
      ['a bad phone', { type: 'individual', name: 'x', phone: '123' }, 422, 'phone'],
      ['a bad email', { type: 'individual', name: 'x', email: 'not-an-email' }, 422, 'email'],
      ['a bad birthday', { type: 'individual', name: 'x', birthday: '1985-13-45' }, 422, 'birthday'],
      ['a computed tier', { type: 'individual', name: 'x', tier: 'A' }, 422, 'tier'],
      ['a computed health', { type: 'individual', name: 'x', health: { score: 100 } }, 422, 'health'],
      ['a bad contact phone', { type: 'organization', name: 'x', contacts: [{ name: 'a', phone: 'abc' }] }, 422, 'contacts.0.phone'],
      ['contacts on a traveller', { type: 'individual', name: 'x', contacts: [{ name: 'a' }] }, 422, 'contacts'],
      ['a partner kind on a traveller', { type: 'individual', name: 'x', partnerKind: 'distributor' }, 422, 'partnerKind'],
      ['an unknown owner', { type: 'individual', name: 'x', ownerId: '00000000-0000-4000-8000-000000000000' }, 422, 'ownerId'],
      ['a non-uuid owner', { type: 'individual', name: 'x', ownerId: "1' OR '1'='1" }, 422, 'ownerId'],
      ['tags that are not strings', { type: 'individual', name: 'x', tags: [1, 2] }, 422, 'tags'],
    ])('%s → %i naming %s', async (_, body, status, field) => {
      const before = await count();
      const req = typeof body === 'string' ? http(t, admin).raw('post', base).set('Content-Type', 'application/json').send(body) : http(t, admin).post(base, body);
      const res = await req;
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(await count()).toBe(before);
    });

    it('refuses a body over the size limit with 413', async () => {
      const res = await http(t, admin).post(base, { type: 'individual', name: 'x', motivations: ['x'.repeat(2 * 1024 * 1024)] });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses nulls for required fields on update, and leaves the record as it was', async () => {
      const c = await create(admin, { type: 'individual', name: '不变', city: '杭州' });
      const res = await http(t, admin).patch(`${base}/${c.id}`, { name: null, tags: null, city: '北京' });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'tags']);
      expect((await http(t, admin).get(`${base}/${c.id}`)).body).toMatchObject({ name: '不变', city: '杭州' });
    });

    it('answers 404 problem+json for an unknown id or a malformed one', async () => {
      expect((await http(t, admin).get(`${base}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      const res = await http(t, admin).get(`${base}/not-an-id`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=abc', 'limit'],
      ['tier=E', 'tier'],
      ['sort=height', 'sort'],
      ['cursor=garbage', 'cursor'],
      ['ownerId=x', 'ownerId'],
      ['foo=bar', 'foo'],
    ])('rejects the list query %s', async (query, field) => {
      const res = await http(t, admin).get(`${base}?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('update', () => {
    it('changes only the fields given, and clears a field set to null', async () => {
      const c = await create(admin, { type: 'individual', name: '张伟', phone: '13700137000', city: '上海', occupation: '教师' });
      const res = await http(t, admin).patch(`${base}/${c.id}`, { city: '成都', occupation: null, decisionCycleDays: 30 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: '张伟', phone: '+8613700137000', city: '成都', occupation: null, decisionCycleDays: 30 });
    });

    it('replaces contacts and references when given', async () => {
      const c = await create(admin, { type: 'partner', partnerKind: 'ground_handler', name: '清迈地接', contacts: [{ name: 'A' }] });
      const res = await http(t, admin).patch(`${base}/${c.id}`, { contacts: [{ name: 'B', primary: true }], externalRefs: [{ source: 'ota-feizhu', externalId: 'P-9' }] });
      expect(res.body.contacts.map((x: { name: string }) => x.name)).toEqual(['B']);
      expect(res.body.externalRefs).toEqual([{ source: 'ota-feizhu', externalId: 'P-9' }]);
    });

    it('records an owner change with who, from, to, when and why', async () => {
      const c = await create(admin, { type: 'individual', name: '转移客户', ownerId: am1.id });
      const res = await http(t, admin).patch(`${base}/${c.id}`, { ownerId: am2.id, ownerChangeReason: '区域调整' });
      expect(res.body.ownerId).toBe(am2.id);
      const history = (await http(t, admin).get(`${base}/${c.id}/owner-history`)).body.items;
      expect(history[0]).toMatchObject({ from: { id: am1.id }, to: { id: am2.id }, changedBy: { name: 'Administrator' }, reason: '区域调整', at: expect.any(String) });
    });

    it('keeps reassignment for admins and managers', async () => {
      const c = await create(am1.token, { type: 'individual', name: '不能转' });
      const res = await http(t, am1.token).patch(`${base}/${c.id}`, { ownerId: am2.id });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'ownerId', message: 'only admins and managers reassign customers' }]);
      expect((await http(t, admin).get(`${base}/${c.id}`)).body.ownerId).toBe(am1.id);
    });

    it('writes every change to the audit log in the same transaction', async () => {
      const c = await create(admin, { type: 'individual', name: '审计' });
      await http(t, admin).patch(`${base}/${c.id}`, { city: '西安' });
      const rows = await sql(t, `SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [c.id]);
      expect(rows.map((r) => r.action)).toEqual(['customer.create', 'customer.update']);
      expect(rows[1].changes).toEqual({ city: { before: null, after: '西安' } });
    });
  });

  describe('who sees what', () => {
    let mine: { id: string };
    let theirs: { id: string };

    beforeAll(async () => {
      mine = await create(am1.token, { type: 'individual', name: '我的客户甲' });
      theirs = await create(am2.token, { type: 'individual', name: '别人的客户乙' });
    });

    it('shows an account manager only their own customers, in lists and searches', async () => {
      const list = await http(t, am1.token).get(`${base}?limit=500`);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((c: { ownerId: string }) => c.ownerId === am1.id)).toBe(true);
      expect((await http(t, am1.token).get(`${base}?q=${encodeURIComponent('别人的客户')}`)).body.items).toEqual([]);
      expect((await http(t, am1.token).get(`${base}?ownerId=${am2.id}`)).body.items).toEqual([]);
    });

    it('answers 404, not 403, for another owner’s customer, and changes nothing', async () => {
      expect((await http(t, am1.token).get(`${base}/${theirs.id}`)).status).toBe(404);
      expect((await http(t, am1.token).patch(`${base}/${theirs.id}`, { name: '改名' })).status).toBe(404);
      expect((await http(t, am1.token).get(`${base}/${theirs.id}/owner-history`)).status).toBe(404);
      expect((await http(t, admin).get(`${base}/${theirs.id}`)).body.name).toBe('别人的客户乙');
    });

    it('lets managers, admins and agents see everyone', async () => {
      const manager = await userWithRole(t, admin, 'manager');
      for (const token of [admin, manager.token, agent.token]) {
        expect((await http(t, token).get(`${base}/${mine.id}`)).status).toBe(200);
        expect((await http(t, token).get(`${base}/${theirs.id}`)).status).toBe(200);
      }
    });

    it('keeps delete and restore for admins and managers', async () => {
      expect((await http(t, am1.token).delete(`${base}/${mine.id}`)).status).toBe(403);
      expect((await http(t, agent.token).delete(`${base}/${mine.id}`)).status).toBe(403);
    });
  });

  describe('soft delete', () => {
    it('hides a deleted customer, lists it for managers, and restores it', async () => {
      const c = await create(admin, { type: 'individual', name: '删除又恢复' });
      expect((await http(t, admin).delete(`${base}/${c.id}`)).status).toBe(204);
      expect((await http(t, admin).get(`${base}/${c.id}`)).status).toBe(404);
      expect((await http(t, admin).get(`${base}?q=${encodeURIComponent('删除又恢复')}`)).body.items).toEqual([]);
      const deleted = await http(t, admin).get(`${base}?deleted=true&q=${encodeURIComponent('删除又恢复')}`);
      expect(deleted.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const restored = await http(t, admin).post(`${base}/${c.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeNull();
      expect((await http(t, admin).get(`${base}/${c.id}`)).status).toBe(200);
    });
  });

  describe('list, search and pagination', () => {
    beforeAll(async () => {
      for (const [name, extra] of [
        ['司马相如', { phone: '13611112222', tags: ['海岛'] }],
        ['司马光', { email: 'sima.guang@example.com', tags: ['海岛', '亲子'] }],
        ['Emma Wilson', { city: 'Shanghai' }],
        ['李白', { organization: '大唐诗社' }],
      ] as const) {
        await create(admin, { type: 'individual', name, ...extra });
      }
    });
    const names = async (query: string) => (await http(t, admin).get(`${base}?limit=500&${query}`)).body.items.map((c: { name: string }) => c.name);

    it('matches Chinese names by substring, including two-character terms', async () => {
      expect(await names(`q=${encodeURIComponent('司马')}`)).toEqual(['司马光', '司马相如']);
      expect(await names(`q=${encodeURIComponent('马相如')}`)).toEqual(['司马相如']);
      expect(await names(`q=${encodeURIComponent('相如')}`)).toEqual(['司马相如']);
      expect(await names(`q=${encodeURIComponent('司')}`)).toEqual(['司马光', '司马相如']);
    });

    it('matches phone, email and organisation, case-insensitively', async () => {
      expect(await names('q=2222')).toEqual(['司马相如']);
      expect(await names('q=1111')).toEqual([]); // short digit runs are phone endings
      expect(await names('q=136%201111')).toEqual(['司马相如']);
      expect(await names('q=SIMA.GUANG')).toEqual(['司马光']);
      expect(await names(`q=${encodeURIComponent('诗社')}`)).toEqual(['李白']);
      expect(await names('q=wilson')).toEqual(['Emma Wilson']);
      expect(await names('q=%25')).toEqual([]);
    });

    it('filters by tag, type and owner', async () => {
      expect(await names(`tag=${encodeURIComponent('亲子')}`)).toEqual(['司马光']);
      const partners = (await http(t, admin).get(`${base}?type=partner&limit=500`)).body.items;
      expect(partners.length).toBeGreaterThan(0);
      expect(partners.every((c: { type: string }) => c.type === 'partner')).toBe(true);
      expect(await names(`type=partner&q=${encodeURIComponent('清迈')}`)).toEqual(['清迈地接']);
      const owned = (await http(t, admin).get(`${base}?ownerId=${am2.id}&limit=500`)).body.items;
      expect(owned.length).toBeGreaterThan(0);
      expect(owned.every((c: { ownerId: string }) => c.ownerId === am2.id)).toBe(true);
    });

    it.each(['name', '-name', 'created', '-created', 'value', '-value'])('walks every page once with keyset cursors, sorted by %s', async (sort) => {
      const all = (await http(t, admin).get(`${base}?limit=500&sort=${sort}`)).body.items.map((c: { id: string }) => c.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await http(t, admin).get(`${base}?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((c) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('keeps a value row for every customer, however it was inserted, and orders by that value', async () => {
      await sql(t, `INSERT INTO customers (type, name, owner_id) SELECT 'individual', '直接写入' || g, $1 FROM generate_series(1, 3) g`, [am1.id]);
      const [missing] = await sql(t, `SELECT count(*)::int AS n FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_values v WHERE v.customer_id = c.id)`);
      expect(missing.n).toBe(0);
      await sql(t, `UPDATE customer_values v SET lifetime_value = 1000 * g.n FROM (VALUES ('直接写入1', 3), ('直接写入2', 1), ('直接写入3', 2)) g(name, n), customers c
                    WHERE c.id = v.customer_id AND c.name = g.name`);
      const top = (await http(t, admin).get(`${base}?limit=3&sort=-value`)).body.items;
      expect(top.map((c: { name: string; lifetimeValue: { value: number } }) => [c.name, c.lifetimeValue.value])).toEqual([
        ['直接写入1', 3000], ['直接写入3', 2000], ['直接写入2', 1000],
      ]);
    });

    it('orders by name', async () => {
      const list = await names('sort=name');
      expect(list).toEqual([...list].sort());
    });
  });

  describe('bulk transfer when an account manager leaves', () => {
    it('moves all customers of one user to another in one action, with history, and lists orphans of deactivated users', async () => {
      const leaver = await userWithRole(t, admin, 'account_manager', 'leaver');
      const heir = await userWithRole(t, admin, 'account_manager', 'heir');
      for (const name of ['离职客户一', '离职客户二', '离职客户三']) await create(leaver.token, { type: 'individual', name });

      await http(t, admin).patch(`/api/v1/users/${leaver.id}`, { active: false });
      const orphans = await http(t, admin).get(`${base}?needsOwner=true&limit=500`);
      expect(orphans.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['离职客户一', '离职客户三', '离职客户二'].sort());

      const res = await http(t, admin).post(`${base}/transfers`, { fromUserId: leaver.id, toUserId: heir.id, reason: '离职交接' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ moved: 3 });
      expect((await http(t, admin).get(`${base}?needsOwner=true`)).body.items).toEqual([]);
      const moved = (await http(t, heir.token).get(`${base}?limit=500`)).body.items;
      expect(moved).toHaveLength(3);
      const history = (await http(t, admin).get(`${base}/${moved[0].id}/owner-history`)).body.items;
      expect(history[0]).toMatchObject({ from: { id: leaver.id, active: false }, to: { id: heir.id }, reason: '离职交接' });
    });

    it('refuses a transfer to a deactivated or unknown user, and by an account manager', async () => {
      const gone = await userWithRole(t, admin, 'account_manager', 'gone');
      await http(t, admin).patch(`/api/v1/users/${gone.id}`, { active: false });
      expect((await http(t, admin).post(`${base}/transfers`, { fromUserId: am1.id, toUserId: gone.id })).status).toBe(422);
      expect((await http(t, am1.token).post(`${base}/transfers`, { fromUserId: am1.id, toUserId: am2.id })).status).toBe(403);
      expect((await http(t, admin).post(`${base}/transfers`, { fromUserId: am1.id, toUserId: am1.id })).status).toBe(422);
    });
  });
});
