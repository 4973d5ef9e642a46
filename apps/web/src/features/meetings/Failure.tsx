import { Alert } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../forms/problem-text';

/** A refusal in the user's language (from the problem's status and codes, never the API's English text). */
export const problemMessage = (t: TFunction, error: unknown): string => problemText(t, error);

/**
 * The outcome of a button's write, announced politely: `run` clears the last message, runs the
 * write, and shows what went wrong (or the success text, if given: a text, or one made from what
 * the write returned).
 */
export function useOutcome() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(write: () => Promise<T>, success?: string | ((result: T) => string)) {
    setMessage(null);
    setBusy(true);
    try {
      const result = await write();
      if (success) setMessage({ ok: true, text: typeof success === 'function' ? success(result) : success });
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
