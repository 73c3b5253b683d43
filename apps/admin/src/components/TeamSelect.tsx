import { Select, type SelectProps } from 'antd';
import { useTeams } from '../data/teams';

/** Pick a team by name. */
export function TeamSelect(props: Omit<SelectProps<string>, 'options'>) {
  const teams = useTeams();
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={teams.isPending}
      options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
