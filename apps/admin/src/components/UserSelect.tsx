import { Select, type SelectProps } from 'antd';
import type { User } from '@crm/contracts';
import { useUsers } from '../data/users';
import { useI18n } from '../i18n/i18n';

/** Pick a staff member by name or email; deactivated people are marked (and can be left out). */
export function UserSelect({ filter, ...props }: Omit<SelectProps<string>, 'options'> & { filter?: (u: User) => boolean }) {
  const { t } = useI18n();
  const users = useUsers();
  const options = (users.data ?? []).filter(filter ?? (() => true)).map((u) => ({
    value: u.id,
    label: u.active ? u.name : `${u.name}（${t('users.inactive')}）`,
    search: `${u.name} ${u.email}`,
  }));
  return (
    <Select
      showSearch={{ optionFilterProp: 'search' }}
      loading={users.isPending}
      options={options}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
