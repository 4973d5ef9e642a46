import './designsystemet.css';
import '@digdir/designsystemet-theme';
import '@fontsource-variable/inter/wght.css';
import './styles.css';
import { languageReady } from './i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { type AnyRoute, RouterProvider } from '@tanstack/react-router';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api';
import { SessionProvider } from './features/auth/session';
import { router } from './router';

// The entry route's page chunk is asked for now, while the first render runs, not once the router
// mounts after it (a failure here is the router's to report when it loads the route itself).
for (const match of router.matchRoutes(router.latestLocation) as { routeId: string }[]) {
  const route = (router.routesById as Record<string, AnyRoute>)[match.routeId];
  if (route) void router.loadRouteChunk(route)?.catch(() => undefined);
}

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
