import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routes } from '@slt/shared/browser';
import type { Plugin, Rolldown } from 'vite';
import { HAD_SESSION } from '../src/session-flag';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const ROUTER = path.join(webRoot, 'src/router.tsx');

/**
 * The router's pages, read from src/router.tsx: each route's path and the module of its lazy page
 * (`const X = lazyRouteComponent(() => import('./features/…'), …)`, used as `component: X` or
 * `page('/path', X)`). The build fails when a page or a route is not understood.
 */
export function pagesOfRouter(source: string): [routePath: string, module: string][] {
  const modules = new Map(
    [...source.matchAll(/const (\w+) = lazyRouteComponent\(\s*\(\) => import\('([^']+)'\)/g)].map((m) => [m[1]!, m[2]!]),
  );
  const routes = [
    ...source
      .split('createRoute(')
      .slice(1)
      .flatMap((part) => {
        const routePath = /^\{[^]*?\bpath: '([^']+)'/.exec(part)?.[1];
        const component = /\bcomponent: (\w+)/.exec(part)?.[1];
        return routePath && component ? [[routePath, component] as const] : [];
      }),
    ...[...source.matchAll(/\bpage\('([^']+)', (\w+)\)/g)].map((m) => [m[1]!, m[2]!] as const),
  ];
  const used = new Set(routes.map(([, component]) => component));
  const unused = [...modules.keys()].filter((name) => !used.has(name));
  const unknown = routes.filter(([, component]) => !modules.has(component));
  if (unused.length || unknown.length || routes.length === 0) {
    throw new Error(
      `route-preload: src/router.tsx not understood (pages without a route: ${unused.join(', ') || 'none'}; routes without a lazy page: ${unknown.map(([p]) => p).join(', ') || 'none'})`,
    );
  }
  return routes.map(([routePath, component]) => [routePath, modules.get(component)!]);
}

/** `/municipalities/$kommunenummer/slt` → `^/municipalities/(?<kommunenummer>[^/]+)/slt/?$` */
const patternOf = (routePath: string) => `^${routePath.replace(/\$(\w+)/g, '(?<$1>[^/]+)').replace(/\/$/, '')}/?$`;

/**
 * The data a route's page asks for first when the browser has no session, by the route's path: the
 * contract's path of the page's query (src/features/slt/queries.ts), whose `:parameters` the script
 * fills from the route's. Only an address that answers the same to everyone may be preloaded:
 * Chromium hands a preloaded answer to a later fetch of the same address even when that fetch
 * carries a token.
 */
const ANONYMOUS_DATA: Record<string, string> = {
  '/municipalities/$kommunenummer/slt': `${routes.getSltSetup.path}?view=public`,
};

/**
 * A page's code is otherwise asked for only once the entry's scripts have all arrived and run (the
 * router then loads the route's chunk): one more round trip before the page can render. This fills
 * index.html's `route-preload` table, which the inline script next to it reads as the page is parsed:
 * the route of the address, the page's chunks that the entry does not load itself (preloaded as
 * modules), and the anonymous data of ANONYMOUS_DATA. The script stays the same from build to build
 * (the Content-Security-Policy allows it by its hash); the table, which names the chunks, is data.
 */
export function routePreload(): Plugin {
  return {
    name: 'slt-route-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output): output is Rolldown.OutputChunk => output.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const closure = (fileName: string, seen: Set<string>): Set<string> => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) closure(imported, seen);
        return seen;
      };
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      const html = bundle['index.html'];
      if (!entry || html?.type !== 'asset') throw new Error('route-preload: no entry chunk or index.html in the build');
      const loadedByEntry = closure(entry.fileName, new Set());
      // Each file once: the table names them by their place in `files`.
      const files: string[] = [];
      const indexOf = (file: string) => (files.includes(`/${file}`) ? files.indexOf(`/${file}`) : files.push(`/${file}`) - 1);
      const pages = pagesOfRouter(readFileSync(ROUTER, 'utf8'));
      const unrouted = Object.keys(ANONYMOUS_DATA).filter((routePath) => !pages.some(([p]) => p === routePath));
      if (unrouted.length) throw new Error(`route-preload: ANONYMOUS_DATA names routes the router does not have: ${unrouted.join(', ')}`);
      const table = pages.map(([routePath, module]) => {
        const file = path.resolve(path.dirname(ROUTER), module);
        // The page's own chunk, or the chunk it shares with a page that imports it.
        const page = [...chunks.values()].find((chunk) => chunk.moduleIds.some((id) => id.replace(/\.tsx?$/, '') === file));
        if (!page) throw new Error(`route-preload: no chunk holds ${module} (${routePath})`);
        const needed = [...closure(page.fileName, new Set(loadedByEntry))].filter((f) => !loadedByEntry.has(f));
        return [patternOf(routePath), needed.map(indexOf), ANONYMOUS_DATA[routePath] ?? ''];
      });
      const json = JSON.stringify({ files, routes: table, sessionFlag: HAD_SESSION });
      const block = /(<script type="application\/json" id="route-preload">)[^<]*(<\/script>)/;
      if (!block.test(String(html.source))) throw new Error('route-preload: index.html has no route-preload table');
      html.source = String(html.source).replace(block, (_, open: string, close: string) => `${open}${json}${close}`);
    },
  };
}
