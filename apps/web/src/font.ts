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

/**
 * Loads the web font (Inter); main.tsx imports this module once the page has loaded and the main
 * thread is idle. The text paints at once in the metric-matched fallback (styles.css), and the font's
 * kilobytes no longer share a slow connection with the scripts the page needs. The faces join the
 * document together, once the latin one has arrived: the page is laid out again once, for the swap
 * (which moves no line). A stylesheet of @font-face rules would cost a second layout of the whole
 * page when its rules are added, before the font has even arrived.
 */
export function loadFont(): void {
  const faces = SUBSETS.map(
    ([url, unicodeRange]) =>
      new FontFace('Inter Variable', `url(${url}) format('woff2')`, { weight: '100 900', display: 'swap', unicodeRange }),
  );
  // The latin face is loaded first; the extended one joins with it and is fetched only if a page
  // has a letter in its range (a Sámi name, say). A failed download leaves the fallback, which is
  // what the page has shown all along.
  void faces[0]!.load().then(
    () => faces.forEach((face) => document.fonts.add(face)),
    () => undefined,
  );
}
