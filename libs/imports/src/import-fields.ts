/**
 * What a spreadsheet column can mean, per kind of import, and the header names (Chinese and English) that
 * suggest it. Pure: the console shows the suggestion, the user confirms or changes it.
 */
export const IMPORT_KINDS = ['customers', 'bookings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField {
  key: string;
  required: boolean;
  /** Header names that suggest this field, compared after `normalizeHeader`. */
  headers: readonly string[];
}

/** Field key → the 0-based column it is read from. */
export type ColumnMapping = Record<string, number>;

const field = (key: string, headers: string[], required = false): ImportField => ({ key, required, headers });

const PERSON: readonly ImportField[] = [
  field('type', ['类型', '客户类型', 'type', 'customer type']),
  field('name', ['姓名', '名称', '客户', '客户姓名', '客户名称', '名字', 'name', 'customer', 'customer name', 'full name'], true),
  field('phone', ['手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', 'phone', 'mobile', 'tel', 'telephone', 'phone number', 'mobile phone']),
  field('email', ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail', 'email address']),
  field('birthday', ['生日', '出生日期', 'birthday', 'date of birth', 'dob', 'birth date']),
  field('organization', ['机构', '公司', '单位', '工作单位', '企业', '组织', 'organization', 'organisation', 'company', 'employer']),
];

const CUSTOMER_ID_HEADERS = ['客户编号', '客户编码', '客户id', '客户代码', 'customer id', 'customer no', 'customer number', 'customer code'];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  customers: [field('externalId', [...CUSTOMER_ID_HEADERS, '编号', '外部编号', 'external id', 'id', 'code']), ...PERSON],
  bookings: [
    field('externalId', ['订单号', '订单编号', '预订号', '预订编号', '单号', 'booking no', 'booking id', 'booking number', 'order no', 'order id', 'order number'], true),
    field('customerExternalId', CUSTOMER_ID_HEADERS),
    ...PERSON.map((f) => (f.key === 'type' ? field('type', ['客户类型', 'customer type']) : f)),
    field('status', ['状态', '订单状态', 'status', 'booking status', 'order status'], true),
    field('bookedAt', ['下单时间', '预订时间', '下单日期', '预订日期', '订购日期', 'booked at', 'booking date', 'order date', 'booked']),
    field('departureDate', ['出发日期', '出行日期', '出发', '出发时间', 'departure', 'departure date', 'start date']),
    field('returnDate', ['返回日期', '回程日期', '结束日期', '返回', 'return', 'return date', 'end date']),
    field('destination', ['目的地', 'destination']),
    field('product', ['产品', '产品名称', '线路', '线路名称', 'product', 'product name', 'tour']),
    field('category', ['类别', '产品类别', '出行类型', '类型', 'category', 'type']),
    field('travellers', ['人数', '出行人数', '旅客人数', 'travellers', 'travelers', 'pax', 'party size']),
    field('amount', ['金额', '订单金额', '总金额', '总价', '价格', '应收金额', 'amount', 'total', 'price', 'total amount'], true),
    field('paymentDueAt', ['付款截止', '付款截止日期', '付款期限', '应付日期', 'payment due', 'payment due date', 'due date']),
    field('paidAt', ['付款时间', '付款日期', '支付时间', '支付日期', 'paid at', 'payment date', 'paid']),
  ],
};

/**
 * Headers compare loosely: full-width forms folded (NFKC), case, spaces, `_`/`-`/`*`/`:` and a trailing unit
 * in brackets ("金额（元）", "Amount (CNY)") ignored.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[\s_\-*:]/g, '');
}

/** Each field gets the first column whose header names it; each column serves at most one field. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const f of IMPORT_FIELDS[kind]) {
    const names = new Set(f.headers.map(normalizeHeader));
    const column = normalized.findIndex((h, i) => !taken.has(i) && h !== '' && names.has(h));
    if (column >= 0) {
      mapping[f.key] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** What is wrong with a mapping chosen by the user: unknown fields, columns out of range, required fields left out. */
export function mappingErrors(kind: ImportKind, mapping: ColumnMapping, columnCount: number): { field: string; message: string }[] {
  const fields = IMPORT_FIELDS[kind];
  const errors: { field: string; message: string }[] = [];
  for (const [key, column] of Object.entries(mapping)) {
    if (!fields.some((f) => f.key === key)) errors.push({ field: `mapping.${key}`, message: `${key} is not a field of a ${kind} import` });
    else if (!Number.isInteger(column) || column < 0 || column >= columnCount) errors.push({ field: `mapping.${key}`, message: `column ${column} does not exist` });
  }
  for (const f of fields) if (f.required && mapping[f.key] === undefined) errors.push({ field: `mapping.${f.key}`, message: `${f.key} must be mapped to a column` });
  return errors;
}
