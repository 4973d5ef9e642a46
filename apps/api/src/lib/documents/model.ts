/**
 * A neutral document model: what a plan, a report or minutes say, without saying how it looks.
 * Build one from the data, then render it with `renderDocument`
 * (`./index.ts`). All text is plain text as written by users (no markup is interpreted); the
 * renderers escape and wrap it.
 */
export type DocumentLanguage = 'nb' | 'nn';

export type DocumentBlock =
  /** A heading under the title: level 1 is a chapter, 2 a section, 3 a subsection. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph; line breaks in `text` are kept. */
  | { kind: 'paragraph'; text: string }
  /** A bulleted (or numbered) list of one-line items. */
  | { kind: 'list'; items: readonly string[]; ordered?: boolean }
  /** A table with a header row; every row has as many cells as there are columns. */
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[] };

export interface DocumentModel {
  /** The document's title (the file's title property, and its first heading). */
  title: string;
  /** One line under the title (the municipality and period, say). */
  subtitle?: string;
  /** The document's language (nb or nn: the municipality's målform), set as its language tag. */
  language: DocumentLanguage;
  blocks: readonly DocumentBlock[];
}

/** BCP 47 tags as Word and PDF readers know them. */
export const LANGUAGE_TAGS: Record<DocumentLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO' };
