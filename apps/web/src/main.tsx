import './designsystemet.css';
import '@digdir/designsystemet-theme';
import '@fontsource-variable/inter/wght.css';
import './styles.css';
import { languageReady } from './i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api';
import { SessionProvider } from './features/auth/session';
import { router } from './router';

// A remembered nynorsk or English catalog loads before the first render (bokmål is bundled).
// The first render is a transition: React renders it in slices and yields between them, instead of
// one long task that keeps a phone's main thread busy.
void languageReady.finally(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
});
