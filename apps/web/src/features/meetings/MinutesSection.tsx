import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { routes } from '@slt/shared/browser';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingWrite } from './mutations';
import { useOutcome } from './Failure';
import type { MeetingPartProps } from './types';
import '../../i18n/meetings';

/** The minutes as free text; coordinators write and save them. */
export function MinutesSection({ kommunenummer, meeting, canManage }: MeetingPartProps) {
  const { t } = useTranslation();
  const { item, etag } = meeting;
  const [text, setText] = useState(item.minutes ?? '');
  const write = useMeetingWrite(kommunenummer);
  const outcome = useOutcome();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const minutes = text.trim() ? text : null;
    void outcome.run(
      () => write.send(routes.updateMeeting, { params: { meetingId: item.id }, body: { minutes }, etag }),
      t('meetings.minutes.saved'),
    );
  };

  return (
    <section aria-labelledby="minutes" className="section">
      <Heading level={2} data-size="sm" id="minutes">
        {t('meetings.minutes.title')}
      </Heading>
      {canManage ? (
        <form onSubmit={save} className="stack" id="minutes-form">
          <Textfield
            multiline
            rows={8}
            label={t('meetings.minutes.label')}
            description={t('meetings.minutes.hint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" disabled={outcome.busy}>
            {t('meetings.minutes.save')}
          </Button>
        </form>
      ) : (
        <Paragraph className="pre-wrap">{item.minutes || t('meetings.minutes.empty')}</Paragraph>
      )}
      {outcome.region}
    </section>
  );
}
