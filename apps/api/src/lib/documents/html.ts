import type { DocumentBlock, DocumentModel } from './model.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const lines = (text: string) => escape(text).replace(/\r?\n/g, '<br>');

function block(b: DocumentBlock): string {
  switch (b.kind) {
    case 'heading':
      // The title is the page's h1, so the document's levels start at h2.
      return `<h${b.level + 1}>${lines(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${lines(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return (
        `<table><thead><tr>${b.columns.map((c) => `<th scope="col">${lines(c)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${lines(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
  }
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}th,td{border:1px solid #888;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}`;

/** The document as a self-contained printable HTML page (no scripts; inline style only). */
export function renderHtml(model: DocumentModel): string {
  return (
    `<!doctype html><html lang="${model.language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(model.title)}</title>` +
    `<style>${STYLE}</style></head><body><main><h1>${lines(model.title)}</h1>` +
    (model.subtitle ? `<p>${lines(model.subtitle)}</p>` : '') +
    model.blocks.map(block).join('') +
    `</main></body></html>`
  );
}
