import type { CustomerDto } from '@crm/customers';

export const EXPORT_LANGS = ['zh-CN', 'en-US'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

type Cell = string | number | null;

interface ExportColumn {
  key: string;
  header: Record<ExportLang, string>;
  width: number;
  value(c: CustomerDto, lang: ExportLang, timeZone: string): Cell;
}

const TYPE_NAMES: Record<string, Record<ExportLang, string>> = {
  individual: { 'zh-CN': '个人', 'en-US': 'individual' },
  organization: { 'zh-CN': '机构', 'en-US': 'organization' },
  partner: { 'zh-CN': '合作伙伴', 'en-US': 'partner' },
};

/** "2026-03-01 10:00" in the agency's time zone: what a person expects to read in a sheet. */
function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * The columns of the customer export. Headers name the fields as the import understands them, so an
 * exported sheet can be edited and imported back.
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'name', header: { 'zh-CN': '姓名', 'en-US': 'Name' }, width: 24, value: (c) => c.name },
  { key: 'type', header: { 'zh-CN': '类型', 'en-US': 'Type' }, width: 10, value: (c, lang) => TYPE_NAMES[c.type]?.[lang] ?? c.type },
  { key: 'phone', header: { 'zh-CN': '手机', 'en-US': 'Phone' }, width: 18, value: (c) => c.phone },
  { key: 'email', header: { 'zh-CN': '邮箱', 'en-US': 'Email' }, width: 28, value: (c) => c.email },
  { key: 'organization', header: { 'zh-CN': '机构', 'en-US': 'Organization' }, width: 24, value: (c) => c.organization },
  { key: 'city', header: { 'zh-CN': '城市', 'en-US': 'City' }, width: 12, value: (c) => c.city },
  { key: 'birthday', header: { 'zh-CN': '生日', 'en-US': 'Birthday' }, width: 12, value: (c) => c.birthday },
  { key: 'owner', header: { 'zh-CN': '负责人', 'en-US': 'Owner' }, width: 14, value: (c) => c.owner.name },
  { key: 'tier', header: { 'zh-CN': '等级', 'en-US': 'Tier' }, width: 6, value: (c) => c.tier },
  { key: 'lifecycleStage', header: { 'zh-CN': '生命周期', 'en-US': 'Lifecycle stage' }, width: 12, value: (c) => c.lifecycleStage },
  { key: 'tags', header: { 'zh-CN': '标签', 'en-US': 'Tags' }, width: 20, value: (c, lang) => c.tags.join(lang === 'zh-CN' ? '、' : ', ') || null },
  // Fen → yuan for reading; the division is exact to the cent for any realistic amount.
  { key: 'lifetimeValue', header: { 'zh-CN': '累计消费（元）', 'en-US': 'Lifetime value (CNY)' }, width: 16, value: (c) => c.lifetimeValue.value / 100 },
  { key: 'externalRefs', header: { 'zh-CN': '外部编号', 'en-US': 'External ids' }, width: 20, value: (c) => c.externalRefs.map((r) => `${r.source}:${r.externalId}`).join('; ') || null },
  { key: 'createdAt', header: { 'zh-CN': '创建时间', 'en-US': 'Created' }, width: 17, value: (c, _lang, tz) => localTime(c.createdAt, tz) },
];

export function exportRow(c: CustomerDto, lang: ExportLang, timeZone: string): Cell[] {
  return EXPORT_COLUMNS.map((col) => col.value(c, lang, timeZone));
}
