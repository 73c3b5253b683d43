import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import { ErrorState } from './ErrorState';

/** A table of the rows a query loads: loading while it loads, and the error with a retry in its place when it fails. */
export function QueryTable<T extends object>({ query, errorTitle, ...table }: { query: UseQueryResult<T[]>; errorTitle?: string } & Omit<TableProps<T>, 'loading' | 'dataSource'>) {
  if (query.isError) return <ErrorState error={query.error} title={errorTitle} onRetry={() => query.refetch()} />;
  return <Table<T> loading={query.isPending} dataSource={query.data} {...table} />;
}
