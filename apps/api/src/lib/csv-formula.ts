/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`,
 * tab or carriage return as a formula. Exports prefix such a cell with `'` (shown as text by
 * Excel and LibreOffice); imports drop that one `'` again, so a round trip keeps the text as it
 * was. A text that itself begins with `'` before such a character gets one more, so it survives too.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The cell as exported: a leading `'` when a spreadsheet would take it for a formula. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The cell as imported: the `'` that an export put before a formula character is removed. */
export const restoreFormula = (text: string): string => (NEUTRALISED.test(text) ? text.slice(1) : text);
