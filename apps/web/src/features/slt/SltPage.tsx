import { Alert, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import { ProblemError, TIER_LEVELS, type SetupMember, type SltSetup } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { SetupNav } from './SetupNav';
import { describeRule } from './meeting-rule';
import { SETUP_MEASURES_SHOWN, setupMeasuresQuery, setupQuery } from './queries';

function Person({ member }: { member: SetupMember }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="person-name">{member.name ?? t('slt.erased')}</span>
      {member.roleTitle && <span className="person-role">, {member.roleTitle}</span>}
      {member.organizationName && <span className="person-role"> ({member.organizationName})</span>}
      {member.email && (
        <>
          {' · '}
          <a href={`mailto:${member.email}`}>{member.email}</a>
        </>
      )}
      {member.phone && <> · {member.phone}</>}
    </>
  );
}

/** The municipality's SLT organization: tiers by level with who sits there, and what they work on. */
export function SltPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/slt' });
  const { user, ready } = useSession();
  const setup = useQuery({ ...setupQuery(kommunenummer, user !== null), enabled: ready });
  useDocumentTitle(setup.data ? t('slt.title', { name: setup.data.name }) : undefined);
  const notFound = setup.error instanceof ProblemError && [400, 404].includes(setup.error.status);

  // The chart renders at transition priority once its data is in: React renders it in slices and
  // yields between them, instead of one long task on a phone's main thread.
  const data = useDeferredValue(setup.data);

  if (notFound) return <Alert data-color="warning">{t('municipality.notFound', { kommunenummer })}</Alert>;
  if (setup.isError) return <Alert data-color="danger">{t('common.error')}</Alert>;
  if (!ready || !data || data !== setup.data) return <Spinner aria-label={t('common.loading')} />;
  return <Setup setup={data} canManage={hasRole(user, data.kommunenummer, 'coordinator')} requested={kommunenummer} />;
}

function Setup({ setup, canManage, requested }: { setup: SltSetup; canManage: boolean; requested: string }) {
  const { t } = useTranslation();
  const k = setup.kommunenummer;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('slt.title', { name: setup.name })}
      </Heading>
      {canManage && <SetupNav kommunenummer={k} />}
      <Paragraph>
        <Tag data-color={setup.view === 'internal' ? 'warning' : 'neutral'}>{t(`slt.view.${setup.view}`)}</Tag>
      </Paragraph>
      {requested !== k && <Alert data-color="info">{t('slt.resolvedToHost', { host: setup.name })}</Alert>}
      {setup.partners.length > 0 && <Paragraph>{t('slt.partners', { names: setup.partners.map((p) => p.name).join(', ') })}</Paragraph>}
      {setup.coordinators.length > 0 && (
        <section aria-labelledby="coordinator" className="section">
          <Heading level={2} data-size="sm" id="coordinator">
            {t('slt.coordinator')}
          </Heading>
          <ul className="plain">
            {setup.coordinators.map((c) => (
              <li key={c.id}>
                <Person member={c} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="chart" className="section">
        <Heading level={2} data-size="md" id="chart">
          {t('slt.chart')}
        </Heading>
        <ol className="org-chart">
          {TIER_LEVELS.map((level) => {
            const tiers = setup.tiers.filter((tier) => tier.level === level);
            return (
              <li key={level} className="org-level">
                <Heading level={3} data-size="xs">
                  {t(`levels.${level}`)}
                </Heading>
                {tiers.length === 0 ? (
                  <Paragraph data-size="sm">{t('slt.noTiers')}</Paragraph>
                ) : (
                  <ul className="org-tiers">
                    {tiers.map((tier) => (
                      <li key={tier.id} className="org-tier">
                        <Heading level={4} data-size="2xs">
                          {tier.name}
                        </Heading>
                        <Paragraph data-size="sm">{describeRule(t, tier.meetingRule)}</Paragraph>
                        {tier.individualCases && <Paragraph data-size="sm">{t('slt.individualCases')}</Paragraph>}
                        {tier.mandate && <Paragraph data-size="sm">{tier.mandate}</Paragraph>}
                        <dl className="seats">
                          {tier.chair && (
                            <>
                              <dt>{t('roles.chair')}</dt>
                              <dd>
                                <Person member={tier.chair} />
                              </dd>
                            </>
                          )}
                          {tier.secretary && (
                            <>
                              <dt>{t('roles.secretary')}</dt>
                              <dd>
                                <Person member={tier.secretary} />
                              </dd>
                            </>
                          )}
                          {tier.seats.length > 0 && (
                            <>
                              <dt>{t('slt.seats')}</dt>
                              <dd>
                                <ul className="plain">
                                  {tier.seats.map((seat) => (
                                    <li key={`${seat.member.id}-${seat.role}`}>
                                      <Person member={seat.member} /> – {t(`roles.${seat.role}`)}
                                    </li>
                                  ))}
                                </ul>
                              </dd>
                            </>
                          )}
                        </dl>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="target-groups" className="section">
        <Heading level={2} data-size="sm" id="target-groups">
          {t('nav.targetGroups')}
        </Heading>
        <ul className="plain">
          {setup.targetGroups.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong>
              {g.ageFrom !== null && g.ageTo !== null && <> ({t('targetGroups.ages', { from: g.ageFrom, to: g.ageTo })})</>}
              {g.riskCriteria.length > 0 && <>: {g.riskCriteria.join(', ')}</>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="focus-areas" className="section">
        <Heading level={2} data-size="sm" id="focus-areas">
          {t('nav.focusAreas')}
        </Heading>
        <ul className="plain">
          {setup.focusAreas.map((f) => (
            <li key={f.id}>
              <strong>{f.name}</strong>
              {f.decisionReference && <> ({[f.decisionReference, f.decisionDate].filter(Boolean).join(', ')})</>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="goals" className="section">
        <Heading level={2} data-size="sm" id="goals">
          {t('nav.goals')}
        </Heading>
        <ul className="plain">
          {setup.goals.map((g) => (
            <li key={g.id}>
              <DsLink asChild>
                <Link to="/municipalities/$kommunenummer/goals/$goalId" params={{ kommunenummer: k, goalId: g.id }}>
                  {g.title}
                </Link>
              </DsLink>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="measures" className="section">
        <Heading level={2} data-size="sm" id="measures">
          {setup.view === 'public' ? t('slt.publicMeasures') : t('nav.measures')}
        </Heading>
        <SetupMeasures kommunenummer={k} count={setup.measures.count} />
        {setup.measures.count > SETUP_MEASURES_SHOWN && (
          <Paragraph>
            <DsLink asChild>
              <Link to="/municipalities/$kommunenummer/measures" params={{ kommunenummer: k }}>
                {t('slt.allMeasures', { count: setup.measures.count })}
              </Link>
            </DsLink>
          </Paragraph>
        )}
      </section>
    </>
  );
}

/**
 * The first measures of the setup (the setup holds only their count), from their own list. Its own
 * component: when they arrive, only this list renders again, not the whole chart in one long task.
 */
function SetupMeasures({ kommunenummer, count }: { kommunenummer: string; count: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const measures = useQuery({ ...setupMeasuresQuery(kommunenummer, user !== null), enabled: count > 0 });
  if (count === 0) return <Paragraph>{t('measures.empty')}</Paragraph>;
  if (measures.isError) return <Alert data-color="danger">{t('common.error')}</Alert>;
  if (!measures.data) return <Spinner aria-label={t('common.loading')} />;
  return (
    <ul className="plain">
      {measures.data.items.map((m) => (
        <li key={m.id}>
          <strong>{m.title}</strong> – {t(`measures.statuses.${m.status}`)}
          {m.description && <Paragraph data-size="sm">{m.description}</Paragraph>}
        </li>
      ))}
    </ul>
  );
}
