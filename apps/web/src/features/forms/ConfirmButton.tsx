import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import '../../designsystemet/dialog.css';

export interface ConfirmButtonProps {
  /** The button's text, and the confirming button's text in the dialog. */
  label: string;
  /** The dialog's question, e.g. "Slette møtet?". */
  question: string;
  /** What happens, in words (what is lost, what is kept). */
  consequence: string;
  onConfirm: () => unknown;
  disabled?: boolean;
  variant?: ComponentProps<typeof Button>['variant'];
  /** The button's size: `sm` in lists, where it stands beside other small buttons. */
  size?: 'sm';
  /** The button's accessible name when its text alone is ambiguous in a list ("Slett saken «Budsjett»"); it starts with `label` (WCAG 2.5.3). */
  accessibleName?: string;
  className?: string;
}

/** A destructive action that asks first: the button opens a modal dialog; only its confirming button acts. */
export function ConfirmButton({
  label,
  question,
  consequence,
  onConfirm,
  disabled,
  variant = 'tertiary',
  size,
  accessibleName,
  className,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant={variant}
        data-color="danger"
        data-size={size}
        aria-label={accessibleName}
        className={className}
        onClick={() => setOpen(true)}
        disabled={disabled}
      >
        {label}
      </Button>
      {/* Only in the page while open: a list of items does not carry a hidden dialog per row. */}
      {open && (
        <Dialog open onClose={() => setOpen(false)} closeButton={t('forms.close')} aria-label={question} modal>
          <Heading level={2} data-size="xs">
            {question}
          </Heading>
          <Paragraph>{consequence}</Paragraph>
          <div className="buttons">
            <Button
              type="button"
              data-color="danger"
              onClick={() => {
                setOpen(false);
                void onConfirm();
              }}
            >
              {label}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t('forms.cancel')}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
