import { Alert } from '@digdir/designsystemet-react';
import { ProblemError } from '@slt/shared';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A refusal in words: a stale If-Match says so; otherwise the API's own detail. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ProblemError)) return t('common.error');
  if (error.status === 412) return t('forms.stale');
  if (error.status === 409) return error.problem.detail ?? t('forms.conflict');
  return error.problem.errors?.[0]?.detail ?? error.problem.detail ?? t('common.error');
}

/**
 * The outcome of a button's write, announced politely: `run` clears the last message, runs the
 * write, and shows what went wrong (or the success text, if given).
 */
export function useOutcome() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(write: () => Promise<unknown>, success?: string) {
    setMessage(null);
    setBusy(true);
    try {
      await write();
      if (success) setMessage({ ok: true, text: success });
    } catch (error) {
      setMessage({ ok: false, text: problemMessage(t, error) });
    } finally {
      setBusy(false);
    }
  }
  const region = (
    <div aria-live="polite">
      {message && (
        <Alert data-color={message.ok ? 'success' : 'danger'} data-size="sm">
          {message.text}
        </Alert>
      )}
    </div>
  );
  return { run, busy, region };
}
