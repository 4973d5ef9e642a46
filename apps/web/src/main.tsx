import './designsystemet.css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { languageReady } from './i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api';
import { SessionProvider } from './features/auth/session';
import { applyCachedFont, prefetchFont } from './font';
import { router } from './router';

// The web font (src/font.ts): from the first layout when the browser has it cached, else fetched
// once the page has loaded and the main thread is idle, for the next page load.
applyCachedFont();
function prefetchFontWhenIdle() {
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(prefetchFont, { timeout: 1000 }) : setTimeout(prefetchFont, 200);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

// The router resolves the entry route (its page chunk, its loader's prefetch) before the first
// render, so that the first render is the page itself: one render, sliced by the transition below,
// instead of a frame and then a page that the router's store re-renders in one long task. A failure
// is the router's to show (it keeps the error in the match and renders it).
// It starts in a task of its own: the scripts' evaluation is one long task already.
const routerReady = new Promise((resolve) => setTimeout(resolve)).then(() => router.load()).catch(() => undefined);

// A remembered nynorsk or English catalog loads before the first render (bokmål is bundled).
// The first render is a transition: React renders it in slices and yields between them, instead of
// one long task that keeps a phone's main thread busy.
void Promise.all([languageReady, routerReady]).finally(() => {
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
  prefetchFontWhenIdle();
});
