import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@crm/contracts';
import { api, withQuery } from '../api';

type S = components['schemas'];
export type Import = S['ImportDto'];
export type ImportKind = Import['kind'];
export type DryRun = S['DryRunDto'];
export type ImportRowResult = S['ImportRowResultDto'];

const POLL_MS = 1000;
const key = (id: string) => ['imports', id] as const;
const RUNNING: Import['state'][] = ['queued', 'running'];

/** The import, polled while its job runs so the progress bar moves. */
export function useImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: key(id ?? ''),
    queryFn: async ({ signal }) => {
      const imp = await api<Import>(`/imports/${encodeURIComponent(id!)}`, { signal });
      // What the import wrote shows in the lists once it is done.
      if (imp.state === 'completed') for (const list of ['customers', 'bookings']) void queryClient.invalidateQueries({ queryKey: [list] });
      return imp;
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && RUNNING.includes(q.state.data.state) ? POLL_MS : false),
  });
}

/** The rows that could not be imported (at most the first 500, listed on the summary). */
export function useFailedRows(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key(id), 'failed'],
    queryFn: ({ signal }) => api<{ items: ImportRowResult[] }>(withQuery(`/imports/${encodeURIComponent(id)}/rows`, { outcome: 'failed', limit: 500 }), { signal }).then((r) => r.items),
    enabled,
  });
}

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => api<Import>(withQuery('/imports', { kind, fileName: file.name }), { method: 'POST', body: file }),
  });
}

/** Saves the mapping, then checks every row; nothing is imported. */
export function useDryRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (mapping: Record<string, number>) => {
      queryClient.setQueryData(key(id), await api<Import>(`/imports/${encodeURIComponent(id)}/mapping`, { method: 'PUT', body: { mapping } }));
      return api<DryRun>(`/imports/${encodeURIComponent(id)}/dry-run`, { method: 'POST' });
    },
  });
}

export function useStartImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Import>(`/imports/${encodeURIComponent(id)}/run`, { method: 'POST' }),
    onSuccess: (imp) => queryClient.setQueryData(key(id), imp),
  });
}

/** A→A, 27→AA: how a spreadsheet names its columns (0-based index in). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
