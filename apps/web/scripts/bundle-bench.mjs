// The initial JavaScript a browser downloads for each entry route (gzip), from Vite's manifest:
// the app's entry chunk and its static imports, plus the route's page chunk and its static imports.
// Run after `vite build` (`pnpm --filter @slt/web bench`). Exits 1 when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));

/** Entry routes, the page module each shows first, and the budget of issue 17 (KB gzip) where there is one. */
const ROUTES = [
  ['/municipalities/3401 (public municipality page)', 'src/features/municipalities/MunicipalityPage.tsx', 150],
  ['/municipalities/3401/slt (public SLT page)', 'src/features/slt/SltPage.tsx', 150],
  ['/ (municipality search)', 'src/features/municipalities/MunicipalitySearchPage.tsx', null],
  ['/login (sign-in)', 'src/features/auth/LoginPage.tsx', null],
  ['/municipalities/3401/home (signed-in home)', 'src/features/home/HomePage.tsx', 200],
  ['/municipalities/3401/meetings/… (meeting)', 'src/features/meetings/MeetingPage.tsx', null],
  ['/municipalities/3401/members (setup page)', 'src/features/members/MembersPage.tsx', null],
  ['/municipalities/3401/goals/… (goal page)', 'src/features/goals/GoalPage.tsx', null],
];

/**
 * Chunks that must load on demand, never with a route's first paint: the goal page's statistics
 * panel with its chart (issue 20: the chart code is not in the initial bundle).
 */
const LAZY = [
  ['the measurements chart (IndicatorChart)', 'src/features/goals/IndicatorChart.tsx', 'src/features/goals/GoalPage.tsx'],
  ['the statistics panel with its charts and link form', 'src/features/goals/IndicatorSourcePanel.tsx', 'src/features/goals/GoalPage.tsx'],
];

function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const gzip = (file) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const base = closure(entry);
let failed = false;
console.log('initial JS per entry route (gzip, level 9)');
for (const [route, page, budget] of ROUTES) {
  if (!manifest[page]) throw new Error(`${page} is not a chunk of its own: is its route lazy?`);
  const files = closure(page, new Set(base));
  const kb = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzip(f), 0) / 1024;
  const over = budget !== null && kb > budget;
  failed ||= over;
  console.log(`${kb.toFixed(1).padStart(7)} KB  ${budget === null ? '          ' : `(≤ ${budget} KB)`}  ${over ? 'OVER ' : ''}${route}`);
}
for (const [what, lazyModule, page] of LAZY) {
  const chunk = manifest[lazyModule];
  if (!chunk) throw new Error(`${lazyModule} is not a chunk of its own: is it loaded with import()?`);
  const initial = closure(page, new Set(base));
  const inInitial = initial.has(chunk.file);
  failed ||= inInitial;
  console.log(
    `${(gzip(chunk.file) / 1024).toFixed(1).padStart(7)} KB  ${inInitial ? 'IN THE INITIAL JS (must not be)' : 'not in the initial JS, loaded on demand'}: ${what}, ${chunk.file}`,
  );
}
process.exitCode = failed ? 1 : 0;
