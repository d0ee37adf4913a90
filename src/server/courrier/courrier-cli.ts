import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DOSSIER_NUMBER } from '../../core/dossier/identify';
import { ConfigError, loadSites } from '../config/site-loader';
import { SqlDossierSource } from '../dossier/sql-dossier-source';
import { signCourrierCode } from '../identity/courrier-token';
import { DEFAULT_DATABASE_URL, isStoreOpenError, openCheckedStore } from '../store/connect';
import { migrate, redactUrl } from '../store/db';
import { instanceSecret } from '../store/settings';
import { courrierPdf, courrierSvg } from './courrier-document';

const USAGE = 'Usage: npm run courrier -- --dossier <8-digit number> [--format svg|pdf] [--out file] [--days 90]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** `npm run courrier -- --dossier 10000001`: a sample courrier whose QR opens that dossier at a kiosk. */
async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({ args: process.argv.slice(2), options: { dossier: { type: 'string' }, format: { type: 'string', default: 'svg' }, out: { type: 'string' }, days: { type: 'string', default: '90' }, config: { type: 'string', default: 'kiosk-config' } }, strict: true }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  const number = values.dossier;
  if (!number || !DOSSIER_NUMBER.test(number)) fail('--dossier must be the 8-digit dossier number, for example 10000001.');
  if (values.format !== 'svg' && values.format !== 'pdf') fail('--format must be svg or pdf.');
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 730) fail('--days must be a whole number of days from 1 to 730.');
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  let sites;
  try {
    sites = loadSites(values.config);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const store = await openCheckedStore(url).catch((error: unknown) => fail(isStoreOpenError(error) ? error.message : String(error)));
  try {
    await migrate(store);
    const dossier = await new SqlDossierSource(store.db).findByNumber(number);
    if (!dossier) fail(`No dossier ${number} in ${redactUrl(url)}. Start the demo once (npm start) to seed the demo dossiers, or check the number.`);
    const site = sites.get(dossier.siteId);
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    const content = { siteName: site?.name ?? dossier.siteId, address: site?.address ?? '', dossierNumber: number, code: signCourrierCode(await instanceSecret(store.db), dossier.id, expiresAt), expiresAt };
    const out = values.out ?? `courrier-${number}.${values.format}`;
    writeFileSync(out, values.format === 'pdf' ? courrierPdf(content) : courrierSvg(content));
    process.stdout.write(`Wrote ${out}: a courrier for dossier ${number}, its code valid until ${expiresAt.toISOString().slice(0, 10)}.\n`);
  } finally {
    await store.close();
  }
}

void main();
