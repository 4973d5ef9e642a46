/** The only environment the browser tests read. */
export const env = {
  /** A Chrome or Chromium binary to use instead of looking for one. */
  chromePath: process.env['CHROME_PATH'] || undefined,
  /** The directories of PATH, searched for a browser like `which` does. */
  searchPath: (process.env['PATH'] ?? '').split(':').filter(Boolean),
  /** Where the workspace tests save screenshots for a look by eye (unset: none are taken). */
  screenshotDir: process.env['SCREENSHOT_DIR'] || undefined,
  /** The rest of the environment, passed to the API process the tests start. */
  inherited: { ...process.env },
};
