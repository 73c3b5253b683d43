import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isProblem, ProblemError } from './api';
import { SESSION_KEY } from './data/session';
import { I18nProvider } from './i18n/i18n';
import { App } from './App';

/** A 401 anywhere means the session is gone: forget the user, and the guard sends them to sign in. */
const onError = (err: unknown, key?: readonly unknown[]) => {
  if (isProblem(err, 401) && key?.[0] !== SESSION_KEY[0]) queryClient.setQueryData(SESSION_KEY, null);
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err, query) => onError(err, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (err) => onError(err) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors do not get better by asking again.
      retry: (failures, err) => !(err instanceof ProblemError && err.status >= 400 && err.status < 500) && failures < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
