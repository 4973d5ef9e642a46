import { ProblemError, type ProblemFieldError } from '@slt/shared/browser';
import type { TFunction } from 'i18next';
import { problemsNb } from '../../i18n/problems/nb';

type ProblemKey = keyof typeof problemsNb;

/** The catalog key for a field error's code (`format:email` → `format_email`); `invalid` for a code this client does not know. */
export function problemKey(error: Pick<ProblemFieldError, 'code' | 'limit'>): ProblemKey {
  const code = error.code ?? 'invalid';
  if (code === 'too_short' && error.limit === 1) return 'empty';
  const key = code.replace(':', '_');
  return key in problemsNb ? (key as ProblemKey) : code.startsWith('format:') ? 'format' : 'invalid';
}

/** A field error in the user's language, from its code (never the API's English detail). */
export const fieldErrorText = (t: TFunction, error: Pick<ProblemFieldError, 'code' | 'limit'>): string =>
  t(`problems.${problemKey(error)}`, { limit: error.limit });

/** A refusal that names no field of the form, in the user's language. */
export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ProblemError)) return t('common.error');
  if (error.status === 412) return t('forms.stale');
  if (error.status === 409) return t('forms.conflict');
  if (error.status === 403) return t('common.accessDenied');
  const first = error.problem.errors?.[0];
  if (first) return fieldErrorText(t, first);
  return t('common.error');
}
