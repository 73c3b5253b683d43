import { Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { columnLetter, type Import } from '../data/imports';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';

type Mapping = Record<string, number>;

/** A field's name for people; a booking's own id is its booking number. Keys the server adds later show as they are. */
export function fieldLabel(t: Translate, imp: Pick<Import, 'kind' | 'fields'>, key: string): string {
  if (!imp.fields.some((f) => f.key === key)) return key;
  return t(`import.field.${imp.kind === 'bookings' && key === 'externalId' ? 'bookingNo' : key}` as MessageKey);
}

/** The first rows of the file, with a select above each column saying which field it fills. */
export function ImportPreview({ imp, mapping, onChange }: { imp: Import; mapping: Mapping; onChange(mapping: Mapping): void }) {
  const { t } = useI18n();
  const fieldOf = (column: number) => Object.keys(mapping).find((k) => mapping[k] === column);
  const options = [
    { value: '', label: t('import.skipColumn') },
    ...imp.fields.map((f) => ({ value: f.key, label: `${fieldLabel(t, imp, f.key)}${f.required ? ' *' : ''}` })),
  ];
  // A field lives in one column: choosing it here takes it away from any other.
  const assign = (column: number, key: string) => {
    const next = Object.fromEntries(Object.entries(mapping).filter(([k, c]) => c !== column && k !== key));
    onChange(key ? { ...next, [key]: column } : next);
  };
  const columns: TableColumnsType<Import['sample'][number]> = [
    { key: 'row', title: t('import.row'), width: 64, fixed: 'left', render: (_, r) => r.rowNumber },
    ...imp.headers.map((header, i) => {
      const name = header || columnLetter(i);
      return {
        key: `c${i}`,
        width: 170,
        ellipsis: true,
        title: (
          <Flex vertical gap={4}>
            <Typography.Text strong ellipsis>
              {name}
            </Typography.Text>
            <Select
              size="small"
              aria-label={t('import.columnField', { column: name })}
              value={fieldOf(i) ?? ''}
              onChange={(key: string) => assign(i, key)}
              options={options}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
            />
          </Flex>
        ),
        render: (_: unknown, r: Import['sample'][number]) => r.cells[i] ?? '',
      };
    }),
  ];
  return <Table size="small" rowKey="rowNumber" columns={columns} dataSource={imp.sample} pagination={false} scroll={{ x: 64 + 170 * imp.headers.length }} data-testid="import-preview" />;
}
