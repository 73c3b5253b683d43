import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { http, login, sql, userWithRole } from '../../../../test/support/http';
import { bookingBody } from '../../../../test/support/booking-fixture';

/** The "Bookings in" part of the contract, as a booking system sees it: through an API key. */
describe('bookings API', () => {
  let t: TestApp;
  let admin: string;
  let writer: string;
  let reader: string;
  let am1: { id: string; token: string };
  let am2: { id: string; token: string };

  const key = async (scopes: string[]) => {
    const res = await http(t, admin).post('/api/v1/api-keys', { name: scopes.join('+'), scopes });
    if (res.status !== 201) throw new Error(`key: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.key as string;
  };
  let seq = 0;
  /** A valid booking body for a new person (unique reference, no phone or email) unless `customer` says otherwise. */
  const booking = (over: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) =>
    bookingBody(over, { externalId: `C-${++seq}`, phone: null, email: null, birthday: null, ...customer });
  const put = (id: string, body: object, token = writer, source = 'erp') => http(t, token).put(`/api/v1/bookings/${source}/${id}`, body);
  const count = async (table: string, where = 'true', params: unknown[] = []) => Number((await sql(t, `SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t);
    am1 = await userWithRole(t, admin, 'account_manager', 'am1');
    am2 = await userWithRole(t, admin, 'account_manager', 'am2');
    writer = await key(['bookings:write']);
    reader = await key(['customers:read']);
  });
  afterAll(() => t.close());

  describe('PUT /bookings/{source}/{externalId}', () => {
    it('creates the booking and its customer (201), and the same request again changes nothing (200)', async () => {
      const body = booking({}, { externalId: 'C-1001', phone: '13800138000', email: 'Zhang.Wei@Example.com', birthday: '1985-04-12' });
      const first = await put('B-1', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ source: 'erp', externalId: 'B-1', status: 'confirmed', amount: { value: 1280000, currency: 'CNY' }, travellers: 3, departureDate: '2026-04-01' });
      expect(first.body.bookedAt).toBe('2026-03-01T02:00:00.000Z');
      // A time-ordered UUIDv7 made by the database: its first 48 bits are the time it was written.
      expect(first.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Math.abs(parseInt(first.body.id.replace(/-/g, '').slice(0, 12), 16) - Date.now())).toBeLessThan(60_000);
      const [history] = await sql(t, `SELECT id::text FROM booking_status_changes WHERE booking_id = $1`, [first.body.id]);
      expect(history.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      const customer = await http(t, reader).get(`/api/v1/customers/${first.body.customerId}`);
      expect(customer.body).toMatchObject({ name: '张伟', phone: '+8613800138000', email: 'zhang.wei@example.com', birthday: '1985-04-12' });
      expect(customer.body.externalRefs).toEqual([expect.objectContaining({ source: 'erp', externalId: 'C-1001' })]);
      expect(customer.body.lifetimeValue).toEqual({ value: 1280000, currency: 'CNY' });

      const audit = await count('audit_log');
      const again = await put('B-1', body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await count('audit_log')).toBe(audit);
      expect(await count('bookings', "source = 'erp' AND external_id = 'B-1'")).toBe(1);
    });

    it('updates a booking and keeps its status history', async () => {
      const customer = { externalId: 'C-HIST' };
      expect((await put('B-H', booking({ status: 'inquiry' }, customer))).status).toBe(201);
      expect((await put('B-H', booking({ status: 'confirmed' }, customer))).status).toBe(200);
      const done = await put('B-H', booking({ status: 'completed', paidAt: '2026-03-09T12:00:00+08:00' }, customer));
      expect(done.status).toBe(200);
      const detail = await http(t, writer).get('/api/v1/bookings/erp/B-H');
      expect(detail.body.statusHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
        [null, 'inquiry'],
        ['inquiry', 'confirmed'],
        ['confirmed', 'completed'],
      ]);
      expect(detail.body.paidAt).toBe('2026-03-09T04:00:00.000Z');
    });

    it('resolves the customer by reference, then phone, then email; another system adds its reference', async () => {
      const a = await put('R-1', booking({}, { externalId: 'P-77', name: '李娜', phone: '+86 139 0013 9000' }));
      // Another system, its own id for the same person, the same phone written differently.
      const b = await put('R-2', booking({}, { externalId: 'X-9', name: '李娜', phone: '13900139000' }), writer, 'ota-feizhu');
      expect(b.body.customerId).toBe(a.body.customerId);
      // A third system knows only the email, which the first one had not sent; then the reference alone.
      await put('R-3', booking({}, { externalId: 'P-77', email: 'li.na@example.com' }));
      const c = await put('R-4', booking({}, { externalId: 'M-1', name: 'Li Na', email: 'LI.NA@example.com' }), writer, 'crm-import');
      expect(c.body.customerId).not.toBe(a.body.customerId); // email was never stored on the customer: a new person
      const viaRef = await put('R-5', booking({}, { externalId: 'X-9', name: 'whatever', phone: null }), writer, 'ota-feizhu');
      expect(viaRef.body.customerId).toBe(a.body.customerId);
      const refs = await sql(t, 'SELECT source, external_id FROM customer_external_refs WHERE customer_id = $1 ORDER BY source', [a.body.customerId]);
      expect(refs).toEqual([{ source: 'erp', external_id: 'P-77' }, { source: 'ota-feizhu', external_id: 'X-9' }]);
      // The staff-facing lookup by an outside reference.
      const lookup = await http(t, reader).get('/api/v1/customers?source=ota-feizhu&externalId=X-9');
      expect(lookup.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.customerId]);
    });

    it('matches an existing customer by email when the booking has no known reference or phone', async () => {
      const made = await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '王芳', email: 'wang.fang@example.com', ownerId: am2.id });
      const res = await put('E-1', booking({}, { externalId: 'W-1', name: '王芳', email: 'Wang.Fang@Example.com' }));
      expect(res.body.customerId).toBe(made.body.id);
    });

    it('20 parallel requests naming the same new person create one customer', async () => {
      const person = { externalId: 'PAR-1', name: '赵敏', phone: '13700137000' };
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => put(`PAR-B-${i}`, booking({}, person))));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(results.map((r) => r.body.customerId)).size).toBe(1);
      expect(await count('customers', "phone = '+8613700137000'")).toBe(1);
    });

    it('the same booking sent twice at once creates one booking', async () => {
      const body = booking({}, { externalId: 'TWICE', phone: '13600136000' });
      const results = await Promise.all(Array.from({ length: 10 }, () => put('TWICE-B', body)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(await count('bookings', "external_id = 'TWICE-B'")).toBe(1);
      expect(await count('booking_status_changes', "booking_id = $1", [results[0].body.id])).toBe(1);
    });

    it('refuses bad input field by field, with the right status, and changes nothing', async () => {
      const before = [await count('bookings'), await count('customers'), await count('audit_log')];
      const bad = await put('BAD-1', booking({ status: 'paid', amount: { value: 12.5, currency: 'USD' }, returnDate: '2026-02-30', extra: 1 }, { phone: '12345' }));
      expect(bad.status).toBe(422);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const fields = bad.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['status', 'amount.value', 'amount.currency', 'customer.phone', 'extra']));
      const order = await put('BAD-2', booking({ departureDate: '2026-04-05', returnDate: '2026-04-01' }));
      expect(order.status).toBe(422);
      expect(order.body.errors).toEqual([{ field: 'returnDate', message: 'returnDate must not be before departureDate' }]);
      expect((await put('BAD-3', booking({ bookedAt: '2026-03-01 10:00' }))).body.errors[0].field).toBe('bookedAt');
      expect((await put('ok', booking(), writer, 'Bad Source!')).status).toBe(422);
      const malformed = await http(t, writer).raw('put', '/api/v1/bookings/erp/M-1').set('Content-Type', 'application/json').send('{"status": ');
      expect(malformed.status).toBe(400);
      expect([await count('bookings'), await count('customers'), await count('audit_log')]).toEqual(before);
    });

    it('a body over the limit is 413', async () => {
      const res = await put('BIG', booking({ product: 'x'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
    });
  });

  describe('who may call', () => {
    it('needs bookings:write; that scope cannot read customers; no key reaches staff endpoints', async () => {
      expect((await put('S-1', booking(), reader)).status).toBe(403);
      expect((await http(t).put('/api/v1/bookings/erp/S-1').send(booking())).status).toBe(401);
      expect((await http(t, writer).get('/api/v1/customers')).status).toBe(403);
      expect((await http(t, writer).get('/api/v1/users')).status).toBe(403);
      expect((await http(t, writer).get('/api/v1/bookings')).status).toBe(403);
      const both = await key(['bookings:write', 'customers:read']);
      const made = await put('S-2', booking(), both);
      expect((await http(t, both).get(`/api/v1/customers/${made.body.customerId}`)).status).toBe(200);
    });

    it('a revoked key gets 401 at once', async () => {
      const res = await http(t, admin).post('/api/v1/api-keys', { name: 'temp', scopes: ['bookings:write'] });
      expect((await put('REV-1', booking(), res.body.key)).status).toBe(201);
      expect((await http(t, admin).delete(`/api/v1/api-keys/${res.body.id}`)).status).toBe(204);
      expect((await put('REV-2', booking(), res.body.key)).status).toBe(401);
      expect(await count('bookings', "external_id = 'REV-2'")).toBe(0);
    });
  });

  describe('POST /bookings/batch', () => {
    it('applies the good items, reports the bad at their index, and is safe to retry whole', async () => {
      const items = [
        { source: 'erp', externalId: 'BA-1', ...booking({}, { externalId: 'BC-1', name: '孙丽' }) },
        { source: 'erp', externalId: 'BA-2', ...booking({ status: 'nope' }) },
        { source: 'ota-feizhu', externalId: 'BA-3', ...booking({}, { externalId: 'BC-1-OTA', name: '孙丽', phone: '13500135000' }) },
        'not an object',
        { source: 'erp', externalId: 'BA-1', ...booking({ status: 'cancelled' }, { externalId: 'BC-1', name: '孙丽' }) },
        { source: 'erp', externalId: 'BA-5', ...booking({}, { externalId: 'BC-5', name: '周杰', phone: '13500135000' }) },
      ];
      const res = await http(t, writer).post('/api/v1/bookings/batch', { items });
      expect(res.status).toBe(200);
      const r = res.body.results;
      // BA-1 twice: the last mention wins, as if sent in order; the first reports the creation.
      expect(r.map((x: { index: number; status: number }) => [x.index, x.status])).toEqual([[0, 201], [1, 422], [2, 201], [3, 422], [4, 200], [5, 201]]);
      expect(r[1].errors).toEqual([expect.objectContaining({ field: 'status' })]);
      expect(r[4].id).toBe(r[0].id);
      // BA-5 names a new person by the phone BA-3 just gave a new customer: the same customer.
      expect(r[5].customerId).toBe(r[2].customerId);
      expect((await http(t, writer).get('/api/v1/bookings/erp/BA-1')).body.status).toBe('cancelled');

      const counts = [await count('bookings'), await count('customers'), await count('booking_status_changes')];
      const retry = await http(t, writer).post('/api/v1/bookings/batch', { items });
      expect(retry.body.results.map((x: { status: number }) => x.status)).toEqual([200, 422, 200, 422, 200, 200]);
      expect([await count('bookings'), await count('customers'), await count('booking_status_changes')]).toEqual(counts);
    });

    it('refuses more than 1000 items, or no items array, as a whole', async () => {
      const tooMany = await http(t, writer).post('/api/v1/bookings/batch', { items: Array.from({ length: 1001 }, () => ({})) });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors).toEqual([{ field: 'items', message: 'items must contain at most 1000 bookings' }]);
      expect((await http(t, writer).post('/api/v1/bookings/batch', { items: 'x' })).status).toBe(422);
      expect((await http(t, writer).post('/api/v1/bookings/batch', {})).status).toBe(422);
    });
  });

  describe('customer value and owners', () => {
    it('computes value, trips, favourites, months, payment behaviour and cancellations from bookings', async () => {
      const who = { externalId: 'VAL-1', name: '钱多多', phone: '13300133000' };
      const now = Date.now();
      const recent = new Date(now - 30 * 86_400_000).toISOString();
      await put('V-1', booking({ amount: { value: 1_000_000, currency: 'CNY' }, destination: '三亚', category: 'family', departureDate: '2025-02-01', returnDate: '2025-02-05', bookedAt: '2025-01-01T00:00:00Z', paymentDueAt: '2025-01-10T00:00:00Z', paidAt: '2025-01-15T00:00:00Z' }, who));
      await put('V-2', booking({ amount: { value: 3_000_000, currency: 'CNY' }, destination: '东京', category: 'honeymoon', departureDate: '2026-07-01', returnDate: '2026-07-08', bookedAt: recent, paymentDueAt: recent, paidAt: recent }, who));
      await put('V-3', booking({ amount: { value: 2_000_000, currency: 'CNY' }, destination: '三亚', category: 'family', departureDate: '2026-02-01', returnDate: '2026-02-04', bookedAt: recent, paymentDueAt: null }, who));
      await put('V-4', booking({ status: 'cancelled', amount: { value: 5_000_000, currency: 'CNY' }, destination: '巴黎' }, who));
      const v4 = await put('V-5', booking({ status: 'inquiry', destination: '巴黎' }, who));
      const value = await http(t, reader).get(`/api/v1/customers/${v4.body.customerId}/value`);
      expect(value.status).toBe(200);
      expect(value.body).toMatchObject({
        lifetimeValue: { value: 6_000_000, currency: 'CNY' },
        salesLast12Months: { value: 5_000_000, currency: 'CNY' },
        trips: 3,
        firstTrip: '2025-02-01',
        lastTrip: '2026-07-01',
        averageOrderValue: { value: 2_000_000, currency: 'CNY' },
        openInquiries: 1,
        cancellations: 1,
        cancellationRate: 0.25,
        payment: { paymentsDue: 2, paidLate: 1, shareLate: 0.5, averageDaysLate: 5 },
      });
      expect(value.body.favouriteDestinations[0]).toEqual({ key: '三亚', trips: 2, sales: { value: 3_000_000, currency: 'CNY' } });
      expect(value.body.travelMonths).toEqual([{ month: 2, trips: 2 }, { month: 7, trips: 1 }]);
      expect((await sql(t, 'SELECT lifetime_value FROM customer_values WHERE customer_id = $1', [v4.body.customerId]))[0].lifetime_value).toBe('6000000');
      // Cancelling a booking takes it out of the sales.
      await put('V-2', booking({ status: 'cancelled', amount: { value: 3_000_000, currency: 'CNY' }, destination: '东京', category: 'honeymoon', departureDate: '2026-07-01', returnDate: '2026-07-08', bookedAt: recent, paymentDueAt: recent, paidAt: recent }, who));
      expect((await sql(t, 'SELECT lifetime_value FROM customer_values WHERE customer_id = $1', [v4.body.customerId]))[0].lifetime_value).toBe('3000000');
    });

    it('keeps lifetime values right when a booking moves to another customer or changes amount', async () => {
      const ltv = async (id: string) => (await sql(t, 'SELECT lifetime_value FROM customer_values WHERE customer_id = $1', [id]))[0].lifetime_value;
      const first = await put('MOVE-1', booking({ amount: { value: 500, currency: 'CNY' } }, { externalId: 'MOVE-A' }));
      const moved = await put('MOVE-1', booking({ amount: { value: 700, currency: 'CNY' } }, { externalId: 'MOVE-B' }));
      expect(moved.body.customerId).not.toBe(first.body.customerId);
      expect([await ltv(first.body.customerId), await ltv(moved.body.customerId)]).toEqual(['0', '700']);
      await put('MOVE-1', booking({ status: 'inquiry', amount: { value: 700, currency: 'CNY' } }, { externalId: 'MOVE-B' }));
      expect(await ltv(moved.body.customerId)).toBe('0');
    });

    it('gives new customers owners round robin among active account managers, or the default owner', async () => {
      const rule = await http(t, admin).get('/api/v1/settings/new-customer-owner');
      expect(rule.body).toEqual({ mode: 'round_robin', defaultOwnerId: null });
      const owners = [];
      for (let i = 0; i < 4; i++) {
        const res = await put(`OWN-${i}`, booking({}, { externalId: `OWNER-${i}` }));
        owners.push((await sql(t, 'SELECT owner_id FROM customers WHERE id = $1', [res.body.customerId]))[0].owner_id);
      }
      expect(new Set(owners)).toEqual(new Set([am1.id, am2.id]));
      expect(owners[0]).not.toBe(owners[1]);
      expect(owners[2]).toBe(owners[0]);

      expect((await http(t, admin).put('/api/v1/settings/new-customer-owner', { mode: 'default_owner' })).status).toBe(422);
      expect((await http(t, am1.token).put('/api/v1/settings/new-customer-owner', { mode: 'round_robin' })).status).toBe(403);
      const set = await http(t, admin).put('/api/v1/settings/new-customer-owner', { mode: 'default_owner', defaultOwnerId: am2.id });
      expect(set.status).toBe(200);
      const res = await put('OWN-D', booking({}, { externalId: 'OWNER-D' }));
      expect((await sql(t, 'SELECT owner_id FROM customers WHERE id = $1', [res.body.customerId]))[0].owner_id).toBe(am2.id);
      await http(t, admin).put('/api/v1/settings/new-customer-owner', { mode: 'round_robin' });
    });

    it('lists bookings for staff with filters; account managers see only their customers’ bookings', async () => {
      const all = await http(t, admin).get('/api/v1/bookings?source=ota-feizhu&limit=500');
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeGreaterThan(0);
      expect(all.body.items.every((b: { source: string }) => b.source === 'ota-feizhu')).toBe(true);
      const cancelled = await http(t, admin).get('/api/v1/bookings?status=cancelled&destination=巴黎');
      expect(cancelled.body.items.map((b: { externalId: string }) => b.externalId)).toEqual(['V-4']);
      const page1 = await http(t, admin).get('/api/v1/bookings?limit=3');
      const page2 = await http(t, admin).get(`/api/v1/bookings?limit=3&cursor=${page1.body.nextCursor}`);
      expect(page2.body.items[0].id).not.toBe(page1.body.items[2].id);
      const mine = await http(t, am1.token).get('/api/v1/bookings?limit=500');
      const mineOwners = await sql(t, 'SELECT DISTINCT c.owner_id FROM bookings b JOIN customers c ON c.id = b.customer_id WHERE b.id = ANY($1)', [mine.body.items.map((b: { id: string }) => b.id)]);
      expect(mineOwners.every((r: { owner_id: string }) => r.owner_id === am1.id)).toBe(true);
      expect((await http(t, admin).get('/api/v1/bookings?departureFrom=2026-13-01')).status).toBe(422);
    });
  });

  describe('merging two customers that are one person', () => {
    it('lists them as duplicates, moves bookings, references and value to the survivor, and keeps the old id resolving', async () => {
      // Staff typed the person in by hand; a booking system then sent them with a different phone.
      const typed = await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '陈晨', phone: '13100131000', email: 'chen.chen@example.com', city: '杭州', ownerId: am1.id });
      const sent = await put('MG-1', booking({ amount: { value: 500_000, currency: 'CNY' } }, { externalId: 'MG-C', name: '陈晨', phone: '13100131999', email: 'chen.chen@example.com' }));
      // The email matched: already one customer. A third source with only a new phone makes the duplicate.
      expect(sent.body.customerId).toBe(typed.body.id);
      const dup = await put('MG-2', booking({ amount: { value: 700_000, currency: 'CNY' } }, { externalId: 'MG-OTA', name: '陈晨', phone: '13100131000' }), writer, 'ota-x');
      expect(dup.body.customerId).toBe(typed.body.id);
      const other = await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '陈 晨', phone: '13100131777', birthday: '1990-01-01', ownerId: am1.id });
      const again = await http(t, admin).post('/api/v1/customers', { type: 'individual', name: '陈晨', birthday: '1990-01-01', ownerId: am2.id });
      await put('MG-3', booking({ amount: { value: 300_000, currency: 'CNY' } }, { externalId: 'MG-D', name: '陈晨', phone: '13100131777' }));

      const dups = await http(t, admin).get('/api/v1/customers/duplicates');
      expect(dups.status).toBe(200);
      const pair = dups.body.items.find((d: { a: { id: string }; b: { id: string } }) => [d.a.id, d.b.id].sort().join() === [other.body.id, again.body.id].sort().join());
      expect(pair).toMatchObject({ reason: 'name_and_birthday' });
      // am1 owns only one of the two: the pair is not theirs to see.
      const mine = await http(t, am1.token).get('/api/v1/customers/duplicates');
      expect(mine.body.items.some((d: { a: { id: string }; b: { id: string } }) => [d.a.id, d.b.id].includes(again.body.id))).toBe(false);

      expect((await http(t, am1.token).post(`/api/v1/customers/${other.body.id}/merge`, { mergedId: again.body.id })).status).toBe(403);
      expect((await http(t, admin).post(`/api/v1/customers/${other.body.id}/merge`, { mergedId: other.body.id })).status).toBe(422);
      // What other domains keep of the merged customer moves too: a complaint and a logged call.
      const complaint = await http(t, admin).post('/api/v1/complaints', {
        customerId: other.body.id, channel: 'phone', category: 'hotel', severity: 'ordinary', description: '房间太吵', receivedAt: '2026-03-01T10:00:00+08:00',
      });
      expect(complaint.status).toBe(201);
      expect((await http(t, admin).post(`/api/v1/customers/${other.body.id}/interactions`, { kind: 'call', note: '回访' })).status).toBe(201);
      const merged = await http(t, admin).post(`/api/v1/customers/${again.body.id}/merge`, { mergedId: other.body.id });
      expect(merged.status).toBe(200);
      expect(merged.body.moved).toMatchObject({ bookings: 1, externalRefs: 1, complaints: 1, interactions: 1 });
      expect((await http(t, admin).get(`/api/v1/complaints/${complaint.body.id}`)).body.customerId).toBe(again.body.id);
      expect(merged.body.survivor).toMatchObject({ id: again.body.id, phone: '+8613100131777' });
      // The old id resolves to the survivor; it is gone from lists; a booking for its reference lands on the survivor.
      expect((await http(t, admin).get(`/api/v1/customers/${other.body.id}`)).body.id).toBe(again.body.id);
      const late = await put('MG-4', booking({ amount: { value: 100_000, currency: 'CNY' } }, { externalId: 'MG-D', name: '陈晨' }));
      expect(late.body.customerId).toBe(again.body.id);
      const value = await http(t, admin).get(`/api/v1/customers/${again.body.id}/value`);
      expect(value.body.lifetimeValue.value).toBe(400_000);
      expect((await sql(t, 'SELECT lifetime_value FROM customer_values WHERE customer_id = $1', [other.body.id]))[0].lifetime_value).toBe('0');
      expect((await http(t, admin).post(`/api/v1/customers/${other.body.id}/restore`)).status).toBe(409);
      expect((await http(t, admin).post(`/api/v1/customers/${again.body.id}/merge`, { mergedId: other.body.id })).status).toBe(404);
      const audit = await sql(t, "SELECT action FROM audit_log WHERE entity_id = ANY($1) AND action LIKE 'customer.merge%' ORDER BY action", [[again.body.id, other.body.id]]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['customer.merge', 'customer.merged_into']);
    });
  });
});
