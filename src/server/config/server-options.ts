import { parseArgs } from 'node:util';
import { defaultInstanceId, INSTANCE_ID_PATTERN } from '../observability/instance';

export interface ServerOptions {
  port: number;
  host: string;
  databaseUrl: string;
  configDir: string;
  distDir: string;
  demo: boolean;
  trustProxy: boolean;
  /** INSTANCE_ID, or <hostname>-<pid>: in every log line and in /metrics. */
  instanceId: string;
  /** METRICS_TOKEN: lets a scraper on another machine read /metrics. */
  metricsToken?: string;
  /** AUDIO_DIR: the pôle's recordings for « Écouter » (<lang>/<key>.ogg|mp3|wav). */
  audioDir: string;
  /** SPEECH_CACHE_DIR: the espeak-ng audio made so far. */
  speechCacheDir: string;
}

export class OptionsError extends Error {}

/** Reads the command line and environment once; a bad value stops the start with the fix. */
export function readServerOptions(argv: string[], env: NodeJS.ProcessEnv): ServerOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        demo: { type: 'boolean', default: false },
        config: { type: 'string', default: 'kiosk-config' },
        dist: { type: 'string', default: 'dist' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw new OptionsError(`${(error as Error).message}\nUsage: tsx src/server/main.ts [--demo] [--config kiosk-config] [--dist dist]`);
  }
  const portText = env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new OptionsError(`PORT must be a number from 0 to 65535 (got "${portText}"): for example PORT=8080`);
  const host = env.HOST ?? '127.0.0.1';
  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/borne.sqlite';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new OptionsError(`DATABASE_URL must start with sqlite: (a file path) or postgres:// (got "${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}")`);
  }
  const instanceId = env.INSTANCE_ID ?? defaultInstanceId();
  if (!INSTANCE_ID_PATTERN.test(instanceId)) throw new OptionsError(`INSTANCE_ID must be 1 to 64 letters, digits, dots, dashes, underscores or colons, starting with a letter or digit (got "${instanceId}"): for example INSTANCE_ID=borne-1`);
  const metricsToken = env.METRICS_TOKEN === '' ? undefined : env.METRICS_TOKEN;
  if (metricsToken !== undefined && metricsToken.length < 16) throw new OptionsError('METRICS_TOKEN must be at least 16 characters: for example METRICS_TOKEN=$(openssl rand -hex 32)');
  const audioDir = env.AUDIO_DIR || 'audio';
  const speechCacheDir = env.SPEECH_CACHE_DIR || 'data/speech-cache';
  return { instanceId, ...(metricsToken ? { metricsToken } : {}), audioDir, speechCacheDir, port, host, databaseUrl, configDir: parsed.values.config, distDir: parsed.values.dist, demo: parsed.values.demo, trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true' };
}
