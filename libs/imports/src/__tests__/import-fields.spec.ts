import { mappingErrors, normalizeHeader, suggestMapping } from '../import-fields';

describe('normalizeHeader', () => {
  it.each([
    ['姓名', '姓名'],
    [' Phone Number ', 'phonenumber'],
    ['E-Mail', 'email'],
    ['金额（元）', '金额'],
    ['Amount (CNY)', 'amount'],
    ['*姓名', '姓名'],
    ['手机：', '手机'],
    ['customer_id', 'customerid'],
    ['ＮＡＭＥ', 'name'],
  ])('%s → %s', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });
});

describe('suggestMapping', () => {
  it('maps Chinese customer headers', () => {
    expect(suggestMapping('customers', ['客户编号', '姓名', '手机', '邮箱', '生日', '公司', '备注'])).toEqual({
      externalId: 0,
      name: 1,
      phone: 2,
      email: 3,
      birthday: 4,
      organization: 5,
    });
  });

  it('maps English customer headers, loosely written', () => {
    expect(suggestMapping('customers', ['Name', 'Mobile', 'E-mail', 'Company', 'Type'])).toEqual({ name: 0, phone: 1, email: 2, organization: 3, type: 4 });
  });

  it('maps the headers of the customer export back', () => {
    const exportHeaders = ['姓名', '类型', '手机', '邮箱', '机构', '城市', '生日', '负责人', '等级', '生命周期', '标签', '累计消费（元）', '外部编号', '创建时间'];
    expect(suggestMapping('customers', exportHeaders)).toEqual({ name: 0, type: 1, phone: 2, email: 3, organization: 4, birthday: 6, externalId: 12 });
  });

  it('maps booking headers, telling the booking number from the customer id, and 类型 to the category', () => {
    const headers = ['订单号', '客户编号', '客户姓名', '手机号', '状态', '下单时间', '出发日期', '返回日期', '目的地', '产品名称', '类型', '人数', '金额(元)', '付款时间'];
    expect(suggestMapping('bookings', headers)).toEqual({
      externalId: 0,
      customerExternalId: 1,
      name: 2,
      phone: 3,
      status: 4,
      bookedAt: 5,
      departureDate: 6,
      returnDate: 7,
      destination: 8,
      product: 9,
      category: 10,
      travellers: 11,
      amount: 12,
      paidAt: 13,
    });
  });

  it('gives each column to one field, and leaves unknown and empty headers unmapped', () => {
    expect(suggestMapping('customers', ['姓名', '名称', '', 'xyz'])).toEqual({ name: 0 });
    expect(suggestMapping('customers', [])).toEqual({});
  });
});

describe('mappingErrors', () => {
  it('accepts a complete mapping', () => {
    expect(mappingErrors('customers', { name: 0, phone: 1 }, 2)).toEqual([]);
  });

  it('names required fields left out, unknown fields and missing columns', () => {
    expect(mappingErrors('customers', { phone: 3, nickname: 0 }, 2)).toEqual([
      { field: 'mapping.phone', message: 'column 3 does not exist' },
      { field: 'mapping.nickname', message: 'nickname is not a field of a customers import' },
      { field: 'mapping.name', message: 'name must be mapped to a column' },
    ]);
    expect(mappingErrors('bookings', { name: 0 }, 1).map((e) => e.field)).toEqual(['mapping.externalId', 'mapping.status', 'mapping.amount']);
    expect(mappingErrors('customers', { name: 0.5 }, 2)).toEqual([{ field: 'mapping.name', message: 'column 0.5 does not exist' }]);
  });
});
