import { randomUUID } from 'node:crypto';
import type { SiteConfig } from '../../core/site/site-config';
import { hashPassword } from '../auth/password';
import { countStaff, insertStaff } from '../auth/staff.repository';
import { derivedToken, hashToken } from '../auth/tokens';
import { enrolKiosk } from '../fleet/kiosk.repository';
import type { Db } from '../store/db';
import { instanceSecret } from '../store/settings';
import { seedDemoAgenda } from './demo-agenda';
import { seedDemoDossiers } from './demo-dossiers';
import { completeDemoReferents } from './demo-referents';

/** Demo staff; printed by `npm start`. A non-demo start never creates these. */
export const DEMO_STAFF = [
  { username: 'mediateur', password: 'mediateur', firstName: 'Karim', role: 'mediateur' as const, sites: 'all' as const },
  { username: 'admin', password: 'admin', firstName: 'Claire', role: 'admin_departement' as const, sites: [] },
  { username: 'adminpole', password: 'adminpole', firstName: 'Nadia', role: 'admin_pole' as const, sites: ['chatillon'] },
];

export function demoKioskToken(secret: string, kioskId: string): string {
  return derivedToken(secret, `demo-kiosk:${kioskId}`);
}

/**
 * `hash` makes the accounts' password hashes (the real scrypt cost unless a test lowers it).
 * Seeds the demo on first start, and enrols any kiosk added to the config since. Idempotent:
 * a second start keeps every call and account.
 */
export async function seedDemo(db: Db, sites: ReadonlyMap<string, SiteConfig>, now: Date, hash: (password: string) => Promise<string> = hashPassword): Promise<{ kioskTokens: Map<string, string> }> {
  if ((await countStaff(db)) === 0) {
    for (const s of DEMO_STAFF) {
      const siteIds = s.sites === 'all' ? [...sites.keys()] : s.sites.filter((id) => sites.has(id));
      await insertStaff(db, { id: randomUUID(), username: s.username, firstName: s.firstName, role: s.role, siteIds }, await hash(s.password), now);
    }
  }
  const secret = await instanceSecret(db);
  const kioskTokens = new Map<string, string>();
  const enrolled = new Set((await db.selectFrom('kiosks').select('id').execute()).map((r) => r.id));
  for (const site of sites.values()) {
    for (const kiosk of site.kiosks) {
      const token = demoKioskToken(secret, kiosk.id);
      kioskTokens.set(kiosk.id, token);
      if (!enrolled.has(kiosk.id)) await enrolKiosk(db, kiosk.id, site.id, hashToken(token), now);
    }
  }
  await seedDemoDossiers(db, new Set(sites.keys()), now);
  await seedDemoAgenda(db, new Set(sites.keys()), now);
  await completeDemoReferents(db);
  return { kioskTokens };
}
