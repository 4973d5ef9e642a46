import { Alert, Button, Field, Heading, Label, Select } from '@digdir/designsystemet-react';
import { POLICE_DISTRICTS, ProblemError, type Malform, type Municipality, type PoliceDistrictCode } from '@slt/shared/browser';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMunicipality } from './mutations';

/** The settings a municipality owns: police district and målform (coordinators and admins). */
export function MunicipalitySettings({ municipality }: { municipality: Municipality & { etag: string } }) {
  const { t } = useTranslation();
  const update = useUpdateMunicipality(municipality.kommunenummer);
  const [message, setMessage] = useState<'saved' | 'stale' | 'error' | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const district = String(form.get('policeDistrict') ?? '');
    setMessage(null);
    try {
      await update.mutateAsync({
        etag: municipality.etag,
        patch: {
          policeDistrict: district ? (district as PoliceDistrictCode) : null,
          malform: String(form.get('malform')) as Malform,
        },
      });
      setMessage('saved');
    } catch (error) {
      setMessage(error instanceof ProblemError && error.status === 412 ? 'stale' : 'error');
    }
  }

  return (
    <section aria-labelledby="settings" className="section panel">
      <Heading level={2} data-size="sm" id="settings">
        {t('settings.title')}
      </Heading>
      {/* Keyed by version: after a save or a reload the fields show the stored values. */}
      <form key={municipality.etag} onSubmit={(event) => void submit(event)} className="stack">
        <Field>
          <Label>{t('municipality.policeDistrict')}</Label>
          <Select name="policeDistrict" defaultValue={municipality.policeDistrict?.code ?? ''}>
            <Select.Option value="">{t('municipality.notSet')}</Select.Option>
            {POLICE_DISTRICTS.map((d) => (
              <Select.Option key={d.code} value={d.code}>
                {d.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('municipality.malform')}</Label>
          <Select name="malform" defaultValue={municipality.malform}>
            <Select.Option value="nb">{t('municipality.malformNames.nb')}</Select.Option>
            <Select.Option value="nn">{t('municipality.malformNames.nn')}</Select.Option>
          </Select>
        </Field>
        <Button type="submit" disabled={update.isPending}>
          {t('settings.save')}
        </Button>
      </form>
      <div aria-live="polite">
        {message === 'saved' && <Alert data-color="success">{t('settings.saved')}</Alert>}
        {message === 'stale' && <Alert data-color="warning">{t('settings.stale')}</Alert>}
        {message === 'error' && <Alert data-color="danger">{t('common.error')}</Alert>}
      </div>
    </section>
  );
}
