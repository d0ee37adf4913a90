import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { constants as zlibConstants } from 'node:zlib';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Guide } from '../core/guides/guide';
import type { SiteConfig } from '../core/site/site-config';
import { agendaRoutes } from './agenda/agenda.routes';
import { agendaAdminRoutes } from './agenda/agenda-admin.routes';
import { LiveConfig } from './config/live-config';
import { watchConfig } from './config/config-watch';
import { settingsRoutes } from './config/settings.routes';
import type { AgendaSource } from './agenda/agenda-source';
import { AgendaService } from './agenda/agenda.service';
import { OutboxProvider, type NotificationProvider } from './agenda/notifier';
import { SqlAgendaSource } from './agenda/sql-agenda-source';
import { accountsRoutes } from './auth/accounts.routes';
import { AccountsService } from './auth/accounts.service';
import { authRoutes } from './auth/auth.routes';
import { AuthService, type SignInOptions } from './auth/auth.service';
import { deleteExpiredSessions } from './auth/staff.repository';
import { publish, type AppContext } from './context';
import { clearDutyWithoutSession, listDuty } from './fleet/duty.repository';
import { enrolmentRoutes } from './fleet/enrolment.routes';
import { EnrolmentService } from './fleet/enrolment.service';
import { fleetRoutes } from './fleet/fleet.routes';
import { fleetWatchRoutes } from './fleet/fleet-watch.routes';
import { FleetService } from './fleet/fleet.service';
import { alertsRoutes } from './fleet/alerts.routes';
import { AlertOutboxProvider, AlertsService, type AlertNotifier } from './fleet/alerts.service';
import { commandsRoutes } from './fleet/commands.routes';
import { CommandsService } from './fleet/commands.service';
import { helpRoutes } from './help/help.routes';
import { guidesRoutes } from './guides/guides.routes';
import { GuidesService } from './guides/guides.service';
import { SqlDossierSource } from './dossier/sql-dossier-source';
import type { DossierSource } from './dossier/dossier-source';
import { extensionRoutes } from './extension/extension.routes';
import { identityRoutes } from './identity/identity.routes';
import { IdentityService } from './identity/identity.service';
import { HelpService } from './help/help.service';
import { installErrorHandling } from './http/errors.plugin';
import { frameworkErrorOptions } from './http/framework-errors';
import { openApiDocument } from './http/openapi';
import type { Authenticators } from './http/route';
import { installApiNotFound, installStatic } from './http/static.plugin';
import { installSameOriginCheck } from './http/same-origin';
import { EventBus } from './realtime/bus';
import { createTransport } from './realtime/create-transport';
import { findCommand } from './fleet/commands.repository';
import { pruneEvents } from './realtime/event.repository';
import { streamRoutes } from './realtime/stream.routes';
import { defaultInstanceId, withInstance } from './observability/instance';
import { observeSweep, timedSweep } from './observability/metrics';
import { metricsRoutes } from './observability/metrics.routes';
import { speechRoutes } from './speech/speech.routes';
import { SpeechService, type SpeechOptions } from './speech/speech.service';
import { systemClock, type Clock } from './store/clock';
import type { Store } from './store/db';

export interface BuildOptions {
  store: Store;
  /**
   * The declaration of the pôles (kiosk-config/): imported into the database on the first
   * start only. After that the database is the live configuration (config:import applies files).
   */
  sites: ReadonlyMap<string, SiteConfig>;
  /** The guides of kiosk-config/guides, checked (loadGuides); none when omitted. */
  guides?: ReadonlyMap<string, Guide>;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Folder holding the built kiosk/ and staff/ front ends; omit for an API-only app (tests). */
  distDir?: string;
  /** Where the packed companion extension is (borne.crx, borne.json); default <distDir>/extension-pack. */
  extensionPackDir?: string;
  /** How often waiting calls are escalated or expired; 0 turns the timer off (tests call sweep()). */
  sweepIntervalMs?: number;
  /** How long periodic heartbeats wait to commit together (default 50 ms). */
  heartbeatBatchMs?: number;
  version?: string;
  /** Where dossiers come from; the built-in SQL store unless a connector is given. */
  dossierSource?: DossierSource;
  /** Where motifs, hours, absences and bookings come from; the built-in SQL agenda unless a connector is given. */
  agendaSource?: AgendaSource;
  /** How confirmations leave; the built-in provider only writes them to the outbox. */
  notifier?: NotificationProvider;
  /** How offline alerts leave for a pôle's admins; the built-in provider writes them to fleet_alert_messages. */
  alertNotifier?: AlertNotifier;
  /** Log every request (off by default: noisy, and nothing in it is needed to run a pôle). */
  logRequests?: boolean;
  /** Which process this is, in every log line and in /metrics (INSTANCE_ID; default <hostname>-<pid>). */
  instanceId?: string;
  /** Lets a scraper on another machine read /metrics with Authorization: Bearer <token>. */
  metricsToken?: string;
  /** Trust X-Forwarded-* (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  /** Bounds on sign-in (hashes at once, the line, per address); tests instrument the password check. */
  signIn?: SignInOptions;
  /**
   * « Écouter »: locales, recordings (AUDIO_DIR) and the espeak-ng cache (SPEECH_CACHE_DIR).
   * espeak-ng's voices are checked at the first need; main.ts checks them at start.
   */
  speech?: SpeechOptions;
}

export interface BorneServices {
  /** The live configuration of the pôles (the database's, imported from kiosk-config/ once). */
  config: LiveConfig;
  help: HelpService;
  fleet: FleetService;
  auth: AuthService;
  identity: IdentityService;
  agenda: AgendaService;
  guides: GuidesService;
  /** Remote actions on kiosks, and the fleet's offline alerts. */
  commands: CommandsService;
  alerts: AlertsService;
  /** « Écouter »: the texts read aloud, the recordings and espeak-ng's cache. */
  speech: SpeechService;
  /** Escalates/expires help calls and cleans up; the timer calls it, tests call it directly. */
  sweep(): Promise<void>;
  /**
   * What the timer runs: the sweep, on the one instance that holds the leader lock (always this
   * one on SQLite). Resolves to whether it ran.
   */
  sweepIfLeader(): Promise<boolean>;
  bus: EventBus;
}

declare module 'fastify' {
  interface FastifyInstance {
    borne: BorneServices;
  }
}

/** Builds the Borne app without listening, so tests can `inject` and main.ts can `listen`. */
export async function build(opts: BuildOptions): Promise<FastifyInstance> {
  const instanceId = opts.instanceId ?? defaultInstanceId();
  const app = Fastify({
    logger: withInstance(opts.logger, instanceId, opts.version ?? '0.0.0'),
    // One line per request drowns what matters; LOG_LEVEL=debug brings them back.
    logController: new LogController({ disableRequestLogging: opts.logRequests !== true }),
    bodyLimit: 64 * 1024, trustProxy: opts.trustProxy ?? false,
    // Node's and the router's own refusals answer in the API's error format too.
    ...frameworkErrorOptions });
  const clock = opts.clock ?? systemClock;
  const config = await LiveConfig.open(opts.store.db, clock, opts.sites);
  const bus = new EventBus(opts.store.db, { loadCommand: async (id) => {
    // The kiosk gets what it applies, never who sent it or the other kiosks' states.
    const c = await findCommand(opts.store.db, id);
    return c && { id: c.id, kind: c.kind, message: c.message };
  }, log: app.log }, createTransport(opts.store, app.log));
  await bus.start();
  // The bus's own connection goes last, after the streams it feeds have ended.
  app.addHook('onClose', async () => bus.close());
  const ctx: AppContext = { db: opts.store.db, clock, config, sites: config.sites, guides: opts.guides ?? new Map(), bus, log: app.log, heartbeatBatchMs: opts.heartbeatBatchMs };
  const fleet = new FleetService(ctx);
  const help = new HelpService(ctx, fleet);
  const auth = new AuthService(ctx, opts.signIn);
  const identity = new IdentityService(ctx, opts.dossierSource ?? new SqlDossierSource(ctx.db));
  const guides = new GuidesService(ctx);
  const commands = new CommandsService(ctx, fleet, help, identity);
  const alerts = new AlertsService(ctx, fleet, opts.alertNotifier ?? new AlertOutboxProvider(ctx.db));
  const speech = new SpeechService({ ...opts.speech, log: { info: (obj, msg) => app.log.info(obj, msg), warn: (msg) => app.log.warn(msg) } });
  const agenda = new AgendaService(ctx, opts.agendaSource ?? new SqlAgendaSource(ctx.db), identity, opts.notifier ?? new OutboxProvider(ctx.db));
  // Every sweep is timed and counted for /metrics, the timer's and the tests' alike.
  const sweep = timedSweep(async () => {
    // Presence first: a call whose kiosk just went away is judged on the fresh lease.
    await fleet.sweepPresence();
    await help.sweep();
    await commands.sweep();
    await alerts.sweep();
    const now = ctx.clock();
    for (const siteId of await clearDutyWithoutSession(ctx.db, now)) {
      await publish(ctx, siteId, { type: 'duty', onDuty: await listDuty(ctx.db, siteId) });
    }
    await deleteExpiredSessions(ctx.db, now);
    await identity.purgeAttempts(now);
    await pruneEvents(ctx.db, new Date(now.getTime() - 24 * 3600_000));
  });
  // Escalation, presence and retention are cluster-wide jobs: several instances must not run them twice.
  const sweepIfLeader = async () => {
    if (!(await bus.isLeader())) {
      observeSweep(0, 'skipped');
      return false;
    }
    await sweep();
    return true;
  };
  app.decorate('borne', { config, help, fleet, auth, identity, agenda, guides, commands, alerts, speech, sweep, sweepIfLeader, bus });

  await app.register(fastifyCookie);
  // API answers above 1 KB (a dossier, a week of slots, the fleet) go compressed: a pôle's line is
  // shared with its staff. JSON only: the event streams must flush each event at once, and static
  // files were compressed at build time (static.plugin.ts).
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], customTypes: /^application\/json\b/, brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } } });
  installErrorHandling(app);
  installSameOriginCheck(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  metricsRoutes(app, { store: opts.store, clock, siteIds: () => config.sites.keys(), instance: instanceId, version: opts.version ?? '0.0.0', token: opts.metricsToken });
  app.get('/api/openapi.json', async () => openApiDocument(opts.version ?? '0.0.0'));
  const authn: Authenticators = { kiosk: (r) => fleet.authenticate(r.headers.authorization), staff: (r) => auth.authenticate(r) };
  authRoutes(app, authn, ctx, auth);
  accountsRoutes(app, authn, new AccountsService(ctx, auth));
  helpRoutes(app, authn, help);
  fleetRoutes(app, authn, ctx, fleet, help, identity);
  commandsRoutes(app, authn, commands);
  alertsRoutes(app, authn, alerts);
  enrolmentRoutes(app, authn, new EnrolmentService(ctx, fleet, help, identity));
  settingsRoutes(app, authn, ctx);
  // Changes made by another process (config:import) arrive within a second; consoles hear of every change.
  watchConfig(app, ctx);
  identityRoutes(app, authn, identity);
  agendaRoutes(app, authn, agenda);
  agendaAdminRoutes(app, authn, agenda.admin);
  guidesRoutes(app, authn, guides);
  speechRoutes(app, authn, speech);
  const openStreams = streamRoutes(app, authn, ctx, help, fleet);
  fleetWatchRoutes(app, authn, ctx, fleet, openStreams);

  const packDir = opts.extensionPackDir ?? (opts.distDir ? join(opts.distDir, 'extension-pack') : undefined);
  if (packDir) extensionRoutes(app, packDir);
  if (opts.distDir) await installStatic(app, opts.distDir);
  else installApiNotFound(app);

  const interval = opts.sweepIntervalMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let sweeping = false;
  if (interval > 0) {
    timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      sweepIfLeader()
        .catch((error: unknown) => app.log.error({ err: error }, 'sweep failed'))
        .finally(() => (sweeping = false));
    }, interval);
    timer.unref();
  }
  // Open streams would hold the server open forever; end them first so clients reconnect elsewhere.
  app.addHook('preClose', async () => {
    if (timer) clearInterval(timer);
    agenda.flushNotices();
    for (const stream of [...openStreams]) stream.end();
  });
  app.addHook('onClose', async () => fleet.flushHeartbeats());
  return app;
}
