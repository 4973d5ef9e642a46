import latin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import latinExtended from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?url';

// Inter's latin and latin-extended subsets (the latter has the Sámi letters), with the ranges of
// @fontsource-variable/inter/wght.css. Other scripts fall back to 'Inter Fallback' (styles.css).
const SUBSETS = [
  [
    latin,
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  ],
  [
    latinExtended,
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  ],
] as const;

/** Set once the browser has the font in its cache (this origin's localStorage). */
const CACHED = 'slt.font';

/** One subset of Inter as a face that is used only when it is there from the first layout. */
const face = ([url, unicodeRange]: (typeof SUBSETS)[number]) =>
  new FontFace('Inter Variable', `url(${url}) format('woff2')`, { weight: '100 900', display: 'optional', unicodeRange });

/**
 * The web font (Inter) as `font-display: optional` does it: a page uses it only when it has it from
 * the start, and never swaps it in once the text is laid out. Swapping it in relaid out the whole
 * page in one long task (40–50 ms on the shared two-core machine, four times that on a phone's
 * CPU), the largest share of the page's blocking time. So:
 *
 * - a page load whose browser has the font cached adds the faces before the first render (main.tsx),
 *   as `optional`: the text is set in Inter from the first layout;
 * - otherwise the page keeps the metric-matched fallback (styles.css), and `prefetchFont` fetches
 *   the font once the page is idle, for the next page load. A failed download changes nothing.
 */
export function applyCachedFont(): void {
  if (localStorage.getItem(CACHED) === '1') for (const subset of SUBSETS) document.fonts.add(face(subset));
}

/** Once the page is idle (main.tsx): fetches the font into the browser's cache for the next page load. */
export function prefetchFont(): void {
  if (localStorage.getItem(CACHED) === '1') return;
  // A face that is not added to the document fetches its file without touching the page's layout.
  // The extended face is fetched when a page needs one of its letters.
  void face(SUBSETS[0])
    .load()
    .then(
      () => localStorage.setItem(CACHED, '1'),
      () => undefined,
    );
}
