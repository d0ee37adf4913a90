import { parseArgs } from 'node:util';

export interface ServerOptions {
  port: number;
  host: string;
  databaseUrl: string;
  configDir: string;
  distDir: string;
  demo: boolean;
  trustProxy: boolean;
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
  return { port, host, databaseUrl, configDir: parsed.values.config, distDir: parsed.values.dist, demo: parsed.values.demo, trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true' };
}
