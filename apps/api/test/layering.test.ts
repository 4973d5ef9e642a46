import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of the API, checked on its source: layers only point down, the municipality
 * is looked up in one place, services take (scope, input).
 */
const src = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}
const files = sourceFiles(src).map((file) => ({ file: path.relative(src, file), text: readFileSync(file, 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
const resolved = (file: string, specifier: string) => path.normalize(path.join(path.dirname(file), specifier));

describe('layering', () => {
  it('lib/ and plugins/ import no module; only app.ts and the audit routes reach modules/audit', () => {
    const offences: string[] = [];
    for (const { file, text } of files) {
      for (const specifier of importsOf(text).filter((s) => s.startsWith('.'))) {
        const target = resolved(file, specifier);
        if ((file.startsWith('lib/') || file.startsWith('plugins/')) && target.startsWith('modules/')) offences.push(`${file} → ${target}`);
        if (target.startsWith('modules/audit/') && !file.startsWith('modules/audit/') && file !== 'app.ts')
          offences.push(`${file} → ${target}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('no module looks a municipality up or refuses national ids by hand: the scope hook and validation do', () => {
    const offences = files
      .filter(({ file, text }) => file !== 'plugins/scope.ts' && /There is no municipality with kommunenummer/.test(text))
      .map(({ file }) => file);
    offences.push(...files.filter(({ text }) => /refuseNationalIds\(/.test(text)).map(({ file }) => file));
    offences.push(
      ...files
        .filter(
          ({ file, text }) =>
            file.startsWith('modules/') && !file.startsWith('modules/municipalities/') && /createMunicipalitiesRepository/.test(text),
        )
        .map(({ file }) => file),
    );
    expect(offences).toEqual([]);
  });

  it('no function in modules/ takes more than 3 positional parameters', () => {
    const offences: string[] = [];
    for (const { file, text } of files.filter((f) => f.file.startsWith('modules/'))) {
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && node.parameters.length > 3) {
          offences.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offences).toEqual([]);
  });
});
