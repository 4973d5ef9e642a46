import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import type { CsvEntity } from './files.js';

export const DEFAULT_API_URL = 'http://localhost:3000';
export const EXPORT_FORMATS = ['json', 'members.csv', 'measures.csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Command =
  | { command: 'help' }
  | {
      command: 'import';
      file: string;
      municipality: string;
      dryRun: boolean;
      entity: CsvEntity | undefined;
      quiet: boolean;
      api: string | undefined;
    }
  | {
      command: 'export';
      municipality: string;
      format: ExportFormat;
      out: string | undefined;
      language: 'nb' | 'en';
      api: string | undefined;
    };

export const USAGE = `slt — import into and export from the SLT API

Usage:
  pnpm slt import FILE.json|FILE.csv --municipality 3401 [--dry-run] [--entity members|measures]
  pnpm slt export --municipality 3401 [--format json|members.csv|measures.csv] [--out FILE]

Import: a setup document (JSON, format slt-setup/1) or a CSV file of members or measures as
Excel saves it. Items are matched by externalId: new ones are created, changed ones updated, the
rest left unchanged; all or nothing. The file is streamed, with its progress on standard error.

Options:
  -m, --municipality NNNN  the municipality's kommunenummer (4 digits)
  -n, --dry-run            show what the import would do, write nothing
  -e, --entity KIND        what the rows of a CSV file are: members or measures
                           (guessed from its header or file name when left out)
  -q, --quiet              no progress on standard error
  -f, --format FORMAT      what to export: json (the whole setup; default), members.csv
                           or measures.csv
  -o, --out FILE           write the export to FILE (default: standard output)
      --language nb|en     headers of a CSV export: Norwegian (default) or English
      --api URL            the API (default: $SLT_API_URL, else ${DEFAULT_API_URL})
  -h, --help               this help

Environment:
  SLT_TOKEN    an API token of the municipality (scope import to import, read to export).
               Create one as coordinator in the web client (API tokens). It is never
               accepted as an option, so it stays out of your shell history.
  SLT_API_URL  the API when --api is not given

Relative paths are taken from the directory you run the command in.

Exit codes:
  0  done
  1  the server refused the request: invalid data (every problem listed), too large,
     not allowed, not found, already running
  2  usage error: wrong options, SLT_TOKEN missing, a file that cannot be read
  3  the API could not be reached or failed (network error, 5xx or 429 after retries)
`;

const shared = {
  municipality: { type: 'string', short: 'm' },
  api: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const importOptions = {
  ...shared,
  'dry-run': { type: 'boolean', short: 'n' },
  entity: { type: 'string', short: 'e' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies ParseArgsConfig['options'];

const exportOptions = {
  ...shared,
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  language: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? ''}`.trim());
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(message.split('. ')[0]!.replace(/^Option '(.*?)'/, '$1'));
    throw error;
  }
}

function municipalityOf(value: string | undefined): string {
  if (value === undefined) throw new UsageError('say which municipality: --municipality NNNN (its kommunenummer, e.g. 3401)');
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--municipality must be a kommunenummer of 4 digits (e.g. 3401), not "${value}"`);
  return value;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be ${allowed.join(' or ')}, not "${value}"`);
  return value as T;
}

/** The command line, checked: a UsageError says what is wrong with it. */
export function parseCommand(argv: readonly string[]): Command {
  // A token on the command line would stay in the shell history (and show in `ps`): refuse it.
  if (argv.some((arg) => /^--?(token|api-token)(=|$)/.test(arg))) {
    throw new UsageError(
      'the token is not taken as an option (it would stay in your shell history): set the environment variable SLT_TOKEN',
    );
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'import') {
    const { values, positionals } = parse(rest, importOptions);
    if (values.help) return { command: 'help' };
    if (positionals.length === 0) throw new UsageError('say which file to import: slt import FILE.json|FILE.csv --municipality NNNN');
    if (positionals.length > 1) throw new UsageError(`import one file at a time (got ${positionals.length}: ${positionals.join(', ')})`);
    return {
      command: 'import',
      file: positionals[0]!,
      municipality: municipalityOf(values.municipality),
      dryRun: values['dry-run'] ?? false,
      entity: oneOf('entity', values.entity, ['members', 'measures'] as const),
      quiet: values.quiet ?? false,
      api: values.api,
    };
  }
  if (command === 'export') {
    const { values, positionals } = parse(rest, exportOptions);
    if (values.help) return { command: 'help' };
    if (positionals.length > 0) throw new UsageError(`export takes no file argument (got ${positionals.join(', ')}): use --out FILE`);
    return {
      command: 'export',
      municipality: municipalityOf(values.municipality),
      format: oneOf('format', values.format, EXPORT_FORMATS) ?? 'json',
      out: values.out,
      language: oneOf('language', values.language, ['nb', 'en'] as const) ?? 'nb',
      api: values.api,
    };
  }
  throw new UsageError(`unknown command "${command}": use import or export`);
}

/** The API's origin from --api, else SLT_API_URL, else the default; must be an http(s) URL. */
export function apiUrlOf(option: string | undefined, fromEnv: string | undefined): string {
  const value = option ?? fromEnv ?? DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`the API URL "${value}" is not a URL (e.g. ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`the API URL must start with http:// or https://, not "${value}"`);
  return url.href.replace(/\/$/, '');
}
