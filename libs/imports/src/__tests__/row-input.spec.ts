import { bookingFromRow, customerFromRow } from '../row-input';

const ctx = { source: 'import', timeZone: 'Asia/Shanghai' };

describe('customerFromRow', () => {
  const mapping = { externalId: 0, name: 1, phone: 2, email: 3, birthday: 4, organization: 5, type: 6 };

  it('turns a row into the contract customer object, normalising phone and email', () => {
    expect(customerFromRow(['C-1', ' 张伟 ', '138 0013 8000', 'Zhang.Wei@Example.com', '1985/4/12', '远航科技', '个人'], mapping)).toEqual({
      errors: [],
      input: { externalId: 'C-1', type: 'individual', name: '张伟', phone: '+8613800138000', email: 'zhang.wei@example.com', birthday: '1985-04-12', organization: '远航科技' },
    });
  });

  it('defaults the type to individual and leaves absent fields null', () => {
    expect(customerFromRow(['', '李娜', '13900139000'], { name: 1, phone: 2 }).input).toEqual({
      externalId: '+8613900139000',
      type: 'individual',
      name: '李娜',
      phone: '+8613900139000',
      email: null,
      birthday: null,
      organization: null,
    });
  });

  it('without an id column, knows the person by phone, else by email', () => {
    expect(customerFromRow(['王芳', '13700137000', 'w@example.com'], { name: 0, phone: 1, email: 2 }).input?.externalId).toBe('+8613700137000');
    expect(customerFromRow(['王芳', '', 'W@example.com'], { name: 0, phone: 1, email: 2 }).input?.externalId).toBe('w@example.com');
  });

  it('refuses a row that nothing identifies', () => {
    expect(customerFromRow(['王芳'], { name: 0 }).errors).toEqual([
      { field: 'externalId', message: 'a row needs an id, a phone or an email, so that importing it again finds the same customer' },
    ]);
  });

  it('reports every bad field of a row', () => {
    const { input, errors } = customerFromRow(['has space', '', '12345', 'not-an-email', '1985-02-30', 'x'.repeat(201), 'alien'], mapping);
    expect(input).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['name', 'type', 'phone', 'email', 'birthday', 'organization', 'externalId']);
  });

  it('refuses names over 200 characters', () => {
    expect(customerFromRow(['x'.repeat(201), '13800138000'], { name: 0, phone: 1 }).errors).toEqual([{ field: 'name', message: 'name must be at most 200 characters' }]);
  });
});

describe('bookingFromRow', () => {
  const headers = ['订单号', '客户编号', '姓名', '手机', '状态', '下单时间', '出发', '返回', '目的地', '产品', '类别', '人数', '金额', '付款截止', '付款时间'];
  const mapping = Object.fromEntries(
    ['externalId', 'customerExternalId', 'name', 'phone', 'status', 'bookedAt', 'departureDate', 'returnDate', 'destination', 'product', 'category', 'travellers', 'amount', 'paymentDueAt', 'paidAt'].map((k, i) => [k, i]),
  );
  const good = ['B-1', 'C-1', '张伟', '13800138000', '已确认', '2026-03-01 10:00', '2026/4/1', '2026-04-05', '三亚', '三亚亲子5日游', '亲子', '3', '12,800.00', '2026-03-10', '2026-03-02 15:30'];
  const row = (changes: Record<number, string>) => good.map((cell, i) => changes[i] ?? cell);

  it('builds the contract batch item, amounts in fen and times in the agency zone', () => {
    expect(headers).toHaveLength(good.length);
    expect(bookingFromRow(good, mapping, ctx)).toEqual({
      errors: [],
      input: {
        source: 'import',
        externalId: 'B-1',
        customer: { externalId: 'C-1', type: 'individual', name: '张伟', phone: '+8613800138000', email: null, birthday: null, organization: null },
        status: 'confirmed',
        bookedAt: '2026-03-01T10:00:00+08:00',
        departureDate: '2026-04-01',
        returnDate: '2026-04-05',
        destination: '三亚',
        product: '三亚亲子5日游',
        category: 'family',
        travellers: 3,
        amount: { value: 1_280_000, currency: 'CNY' },
        paymentDueAt: '2026-03-10T00:00:00+08:00',
        paidAt: '2026-03-02T15:30:00+08:00',
      },
    });
  });

  it('needs only the booking number, a person, the status, the time and the amount', () => {
    const { input, errors } = bookingFromRow(['B-2', '李娜', 'l@example.com', 'completed', '2025-12-01', '99.9'], { externalId: 0, name: 1, email: 2, status: 3, bookedAt: 4, amount: 5 }, ctx);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ externalId: 'B-2', customer: { externalId: 'l@example.com', email: 'l@example.com' }, status: 'completed', amount: { value: 9_990, currency: 'CNY' } });
  });

  it.each([
    [{ 12: '12.345' }, 'amount', 'amount must be yuan with at most two decimals, such as 12800.50'],
    [{ 12: '' }, 'amount', 'amount is required'],
    [{ 0: '' }, 'externalId', 'the booking number is required'],
    [{ 5: 'yesterday' }, 'bookedAt', 'bookedAt must be a date and time such as 2026-03-01 10:00'],
    [{ 5: '' }, 'bookedAt', 'bookedAt is required'],
    [{ 6: '2026-02-30' }, 'departureDate', 'departureDate must be a date such as 2026-04-01'],
    [{ 7: '2026-03-30' }, 'returnDate', 'returnDate must not be before departureDate'],
    [{ 11: '2.5' }, 'travellers', 'travellers must be a whole number'],
    [{ 3: '123' }, 'phone', 'phone is not a valid phone number'],
    [{ 2: '' }, 'name', 'name is required'],
  ])('reports %j as an error of %s', (changes, field, message) => {
    const { input, errors } = bookingFromRow(row(changes), mapping, ctx);
    expect(input).toBeNull();
    expect(errors).toContainEqual({ field, message });
  });

  it('reports the API rules with import field names, once per mistake', () => {
    const { errors } = bookingFromRow(row({ 4: '待定', 10: 'cruise', 11: '0' }), mapping, ctx);
    expect(errors.map((e) => e.field).sort()).toEqual(['category', 'status', 'travellers']);
  });

  it('refuses an inquiry that was paid, as the API does', () => {
    expect(bookingFromRow(row({ 4: '咨询' }), mapping, ctx).errors).toEqual([{ field: 'paidAt', message: 'an inquiry cannot be paid; send status confirmed' }]);
  });

  it('refuses booking numbers the API could not address', () => {
    expect(bookingFromRow(row({ 0: 'B 1/2' }), mapping, ctx).errors.map((e) => e.field)).toEqual(['externalId']);
  });
});
