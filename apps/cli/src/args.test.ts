import { describe, expect, it } from 'vitest';
import { apiUrlOf, parseCommand } from './args.js';
import { UsageError } from './errors.js';

describe('parseCommand', () => {
  it('reads import and export with their options and defaults', () => {
    expect(parseCommand(['import', 'a.csv', '-m', '3401', '--dry-run', '--entity', 'measures', '--api', 'http://x'])).toEqual({
      command: 'import',
      file: 'a.csv',
      municipality: '3401',
      dryRun: true,
      entity: 'measures',
      quiet: false,
      api: 'http://x',
    });
    expect(parseCommand(['export', '--municipality=1547'])).toEqual({
      command: 'export',
      municipality: '1547',
      format: 'json',
      out: undefined,
      language: 'nb',
      api: undefined,
    });
    expect(parseCommand(['export', '-m', '1547', '-f', 'members.csv', '-o', 'm.csv', '--language', 'en'])).toMatchObject({
      format: 'members.csv',
      out: 'm.csv',
      language: 'en',
    });
    for (const help of [[], ['help'], ['--help'], ['-h'], ['import', '--help'], ['export', '-h']])
      expect(parseCommand(help)).toEqual({ command: 'help' });
  });

  it('refuses what it cannot use, saying why', () => {
    const refusal = (argv: string[]) => {
      try {
        parseCommand(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refusal(['import', '-m', '3401'])).toMatch(/say which file/);
    expect(refusal(['import', 'a.json', 'b.json', '-m', '3401'])).toMatch(/one file at a time/);
    expect(refusal(['import', 'a.json', '-m', '301'])).toMatch(/4 digits/);
    expect(refusal(['import', 'a.json', '-m', '3401', '--entity', 'tiers'])).toMatch(/--entity must be members or measures/);
    expect(refusal(['import', 'a.json', '-m', '3401', '-x'])).toBe('unknown option -x');
    expect(refusal(['import', 'a.json', '-m', '3401', '--token', 'slt_x'])).toMatch(/SLT_TOKEN/);
    expect(refusal(['export', '-m', '3401', '--api-token=slt_x'])).toMatch(/SLT_TOKEN/);
    expect(refusal(['export', '-m', '3401', 'out.json'])).toMatch(/--out FILE/);
    expect(refusal(['export', '-m', '3401', '--language', 'nn'])).toMatch(/--language must be nb or en/);
    expect(refusal(['sync'])).toMatch(/unknown command "sync"/);
  });
});

describe('apiUrlOf', () => {
  it('takes --api, else SLT_API_URL, else http://localhost:3000 (the API’s default port)', () => {
    expect(apiUrlOf('https://slt.example.no/', 'http://env')).toBe('https://slt.example.no');
    expect(apiUrlOf(undefined, 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(apiUrlOf(undefined, undefined)).toBe('http://localhost:3000');
    expect(() => apiUrlOf('slt.example.no', undefined)).toThrow(UsageError);
    expect(() => apiUrlOf('ftp://slt.example.no', undefined)).toThrow(/http/);
  });
});
