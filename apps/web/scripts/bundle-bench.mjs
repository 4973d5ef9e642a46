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
process.exitCode = failed ? 1 : 0;
