import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createLogger, loggableUrl } from './logger.js';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes.js';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service.js';
import { createAuditRepository } from './modules/audit/audit.repository.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { createMailService } from './modules/mail/mail.service.js';
import { createSmtpClient } from './modules/mail/mail.client.js';
import { createMailWorker, type MailWorker } from './modules/mail/mail.worker.js';
import { createOidcClient } from './modules/oidc/oidc.client.js';
import { createSecretBox, secretsKeyOf } from './lib/secret-box.js';
import { createOidcRepository } from './modules/oidc/oidc.repository.js';
import { oidcRoutes } from './modules/oidc/oidc.routes.js';
import { createOidcService } from './modules/oidc/oidc.service.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { createMunicipalitiesRepository } from './modules/municipalities/municipalities.repository.js';
import { municipalitiesRoutes } from './modules/municipalities/municipalities.routes.js';
import { createMunicipalitiesService } from './modules/municipalities/municipalities.service.js';
import { actionItemsRoutes } from './modules/action-items/action-items.routes.js';
import { createActionItemsService } from './modules/action-items/action-items.service.js';
import { calendarsRoutes } from './modules/calendars/calendars.routes.js';
import { createCalendarsService } from './modules/calendars/calendars.service.js';
import { annualReportRoutes } from './modules/annual-report/annual-report.routes.js';
import { createAnnualReportService } from './modules/annual-report/annual-report.service.js';
import { complianceRoutes } from './modules/compliance/compliance.routes.js';
import { grantsRoutes } from './modules/grants/grants.routes.js';
import { statusAnalysesRoutes } from './modules/status-analyses/status-analyses.routes.js';
import { createStatusAnalysesService } from './modules/status-analyses/status-analyses.service.js';
import { createGrantsService } from './modules/grants/grants.service.js';
import { createComplianceService } from './modules/compliance/compliance.service.js';
import { exchangeRoutes } from './modules/exchange/exchange.routes.js';
import { createExchangeService } from './modules/exchange/exchange.service.js';
import { labelsRoutes } from './modules/labels/labels.routes.js';
import { meetingsRoutes } from './modules/meetings/meetings.routes.js';
import { createMeetingItemsService } from './modules/meetings/meeting-items.service.js';
import { createMeetingsService } from './modules/meetings/meetings.service.js';
import { yearPlanRoutes } from './modules/year-plan/year-plan.routes.js';
import { createYearPlanService } from './modules/year-plan/year-plan.service.js';
import { goalsRoutes } from './modules/goals/goals.routes.js';
import { createGoalsService } from './modules/goals/goals.service.js';
import { plansRoutes } from './modules/plans/plans.routes.js';
import { createPlansService } from './modules/plans/plans.service.js';
import { indicatorSourcesRoutes } from './modules/indicator-sources/indicator-sources.routes.js';
import { indicatorSourcesFromConfig } from './modules/indicator-sources/indicator-sources.service.js';
import { startSourceScheduler } from './modules/indicator-sources/source-scheduler.js';
import { measuresRoutes } from './modules/measures/measures.routes.js';
import { createMeasuresService } from './modules/measures/measures.service.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { createMembersService } from './modules/members/members.service.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { profileRoutes } from './modules/profile/profile.routes.js';
import { createProfileService } from './modules/profile/profile.service.js';
import { targetGroupsRoutes } from './modules/target-groups/target-groups.routes.js';
import { createTargetGroupsService } from './modules/target-groups/target-groups.service.js';
import { tiersRoutes } from './modules/tiers/tiers.routes.js';
import { createTiersService } from './modules/tiers/tiers.service.js';
import { createSetupService } from './modules/setup/setup.service.js';
import { organizationsRoutes } from './modules/organizations/organizations.routes.js';
import { createOrganizationsService } from './modules/organizations/organizations.service.js';
import { invitationsRoutes } from './modules/invitations/invitations.routes.js';
import { createInvitationsService } from './modules/invitations/invitations.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { createUsersService } from './modules/users/users.service.js';
import { createCounters } from './lib/counters.js';
import { drainPlugin } from './lib/graceful-shutdown.js';
import { ACCESS_TOKEN_TTL_SECONDS, authPlugin } from './plugins/auth.js';
import { contractPlugin } from './plugins/contract.js';
import { corsPlugin } from './plugins/cors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { problemsPlugin } from './plugins/problems.js';
import { securityPlugin } from './plugins/security.js';
import { anonymousRateLimitPlugin } from './plugins/rate-limit.js';
import { scopePlugin } from './plugins/scope.js';
import { serializationPlugin } from './plugins/serialization.js';
import { webPlugin } from './plugins/web.js';
import { widgetPlugin } from './plugins/widget.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface AppDependencies {
  config: Config;
  /** Signs and verifies access tokens (config.jwtSecret, or the one kept in DATA_DIR). */
  jwtSecret: string;
  database: Database;
  logger?: FastifyBaseLogger;
}

/** The levels at which the access log is written. */
const LOGS_REQUESTS = new Set(['trace', 'debug', 'info']);
declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox worker of this process, when SMTP_URL is set. */
    mailWorker: MailWorker | null;
  }
}

/** A client-supplied X-Request-Id is kept only when it is short and harmless in logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the whole HTTP application. It never listens: server.ts does, and tests call
 * `app.inject` or listen on a port of their own.
 */
export async function buildApp({ config, database, logger, jwtSecret }: AppDependencies) {
  const app = Fastify({
    loggerInstance: logger ?? createLogger(config),
    // One access-log line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    // Explicit timeouts: a slow or stuck client cannot hold a connection forever.
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 72_000,
    // A shutdown closes connections itself, between requests (lib/graceful-shutdown.ts), and
    // answers what still arrives on them instead of a 503.
    forceCloseConnections: false,
    return503OnClosing: false,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Hooks on every request are callback-style: no promise per hook on the hot path.
  // A 304 has no body: replace what a handler's `send(null)` serialized (undefined would keep it), so that no
  // Content-Type or Content-Length of a 4-byte "null" misleads the client.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (reply.statusCode !== 304) return done(null, payload);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    done(null, null);
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // The access log: one line per request, written by a child of the app's logger without its
  // redaction paths. Every field of the line is known and safe (the URL's credentials are blanked
  // by loggableUrl), and matching the redaction paths against each line cost more than writing it
  // (about 7 µs of 17 per request in a micro-benchmark). The line is the same as request.log's:
  // `requestId` right after the base fields.
  const accessLog = app.log.child({}, { redact: { paths: [] } });
  app.addHook('onResponse', (request, reply, done) => {
    // Nothing to build (the URL's redaction included) when the level leaves the line out.
    if (!LOGS_REQUESTS.has(request.log.level)) return done();
    accessLog.info(
      {
        requestId: request.id,
        method: request.method,
        url: loggableUrl(request.url),
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
    done();
  });

  await app.register(drainPlugin);
  await app.register(problemsPlugin);
  await app.register(serializationPlugin);
  await app.register(securityPlugin);
  await app.register(contractPlugin);
  await app.register(corsPlugin);
  await app.register(openapiPlugin, { version });

  const { db } = database;
  const municipalityRows = createMunicipalitiesRepository(db, database.rows);
  const municipalities = createMunicipalitiesService({ db, repository: municipalityRows });
  const users = createUsersService({ db });
  const apiTokens = createApiTokensService({ db, maxActivePerMunicipality: config.apiTokensPerMunicipality });
  const organizations = createOrganizationsService({ db });
  const setup = createSetupService({ database });
  const audit = createAuditService({ repository: createAuditRepository(db) });
  // The auth service signs with the JWT plugin, registered just below: resolved lazily.
  const auth = createAuthService({
    db,
    signAccessToken: (claims) => app.jwt.sign(claims),
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
    passwordsDisabledFor: (domain) => createOidcRepository(db).passwordsDisabledFor(domain),
  });
  // OpenID client secrets and private keys are sealed in the database under this key.
  const secrets = createSecretBox(secretsKeyOf(config.secretsKey, jwtSecret));
  const oidc = createOidcService({ db, port: createOidcClient(secrets), secrets, startSession: auth.startSession });
  await oidc.sealLegacySecrets();

  // The scope's form check runs before authorization (preValidation hooks run in this order).
  await app.register(scopePlugin, { scopeOf: (kommunenummer) => municipalityRows.scopeOf(kommunenummer) });
  // Rate limits, quotas and credential failures, counted in PostgreSQL for every replica.
  const counters = createCounters(database);
  await app.register(authPlugin, {
    jwtSecret,
    resolvers: { user: (claims) => auth.resolveUser(claims), apiToken: (token) => apiTokens.resolve(token) },
    counters,
    failedCredentialsPerMinute: config.failedCredentialsPerMinute,
  });
  await app.register(anonymousRateLimitPlugin, { perMinute: config.rateLimitAnonymousPerMinute, counters });
  await app.register(healthRoutes, { ping: database.ping, draining: () => app.drain.draining });
  await app.register(labelsRoutes);
  await app.register(municipalitiesRoutes, { service: municipalities });
  await app.register(organizationsRoutes, { service: organizations });
  await app.register(setupRoutes, { service: setup });
  await app.register(profileRoutes, { service: createProfileService({ db }) });
  await app.register(tiersRoutes, { service: createTiersService({ db }) });
  await app.register(membersRoutes, { service: createMembersService({ db }) });
  await app.register(targetGroupsRoutes, { service: createTargetGroupsService({ db }) });
  await app.register(goalsRoutes, { service: createGoalsService({ db }) });
  await app.register(plansRoutes, { service: createPlansService({ db }) });
  const indicatorSources = indicatorSourcesFromConfig(db, config);
  await app.register(indicatorSourcesRoutes, { service: indicatorSources });
  if (config.statsImportEveryDays > 0) {
    const scheduler = startSourceScheduler({
      service: indicatorSources,
      checkEveryMs: config.statsSchedulerCheckSeconds * 1000,
      log: app.log,
    });
    app.addHook('onClose', () => scheduler.stop());
  }
  await app.register(measuresRoutes, { service: createMeasuresService({ db, database }) });
  const mailSettings = { from: config.mailFrom, publicUrl: config.publicUrl };
  await app.register(meetingsRoutes, {
    service: createMeetingsService({ db, rows: database.rows, mail: mailSettings }),
    items: createMeetingItemsService({ db }),
  });
  await app.register(mailRoutes, { service: createMailService({ db, settings: mailSettings }) });
  await app.register(actionItemsRoutes, { service: createActionItemsService({ db }) });
  const compliance = createComplianceService({ db });
  await app.register(complianceRoutes, { service: compliance });
  await app.register(annualReportRoutes, { service: createAnnualReportService({ db, compliance }) });
  await app.register(grantsRoutes, { service: createGrantsService({ db }) });
  await app.register(statusAnalysesRoutes, { service: createStatusAnalysesService({ db }) });
  await app.register(yearPlanRoutes, { service: createYearPlanService({ db }) });
  await app.register(calendarsRoutes, { service: createCalendarsService({ db, maxFeedsPerUser: config.calendarFeedsPerUser }) });
  await app.register(exchangeRoutes, {
    service: createExchangeService({
      db,
      database,
      limits: { maxBytes: config.importMaxBytes, maxItems: config.importMaxItems },
      timeouts: { statementMs: config.importStatementTimeoutMs, lockMs: config.importLockTimeoutMs },
      concurrentTransactions: config.importConcurrentTransactions,
    }),
    maxBytes: config.importMaxBytes,
    concurrencyPerCaller: config.exchangeConcurrencyPerCaller,
    quota: { counters, perMinute: config.exchangePerCallerPerMinute },
  });
  await app.register(authRoutes, { service: auth });
  await app.register(oidcRoutes, { service: oidc, publicUrl: config.publicUrl });
  await app.register(usersRoutes, { service: users });
  await app.register(invitationsRoutes, { service: createInvitationsService({ db, secret: jwtSecret, publicUrl: config.publicUrl }) });
  await app.register(apiTokensRoutes, { service: apiTokens });
  await app.register(auditRoutes, { service: audit });
  // The outbox worker runs in every API process. Without an SMTP server it only queues the
  // automatic notices and reminders: mail waits in the outbox, where coordinators see it.
  const mailWorker = createMailWorker({
    db,
    port: config.smtpUrl ? createSmtpClient(config.smtpUrl) : null,
    from: config.mailFrom,
    pollMs: config.mailPollMs,
    backoffBaseSeconds: config.mailRetrySeconds,
    publicUrl: config.publicUrl,
    digestWeekday: config.mailDigestWeekday,
    log: app.log,
  });
  app.decorate('mailWorker', mailWorker);
  app.addHook('onReady', (done) => {
    mailWorker.start();
    done();
  });
  app.addHook('onClose', async () => mailWorker.stop());
  await app.register(widgetPlugin, { distDir: config.widgetDistDir });
  await app.register(webPlugin, { distDir: config.webDistDir });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
