import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL, isStoreOpenError, openCheckedStore } from '../store/connect';
import { migrate } from '../store/db';
import { hashPassword } from './password';
import { findStaffByUsername, insertStaff, type StaffRole } from './staff.repository';

const USAGE = `Usage: npm run staff -- add --username <name> --first-name <prénom> --role mediateur|admin-pole|admin-departement [--sites <id,id>] [--password-stdin]
  Makes the first admin of a new install (--role admin-departement); everyone else is added in
  the console's « Administration › Comptes », where they choose their own password.
  --sites: the pôles a médiateur or an admin de pôle works at (site ids, comma-separated).
  The password is asked for (hidden), or read from standard input with --password-stdin.
  The first name is what usagers see on the kiosk (« Karim arrive »).`;

const ROLES: Record<string, StaffRole> = { mediateur: 'mediateur', 'admin-pole': 'admin_pole', 'admin-departement': 'admin_departement' };

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: print nothing but the prompt.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith('Password')) process.stdout.write(s);
  };
  const password = await new Promise<string>((resolve) => rl.question('Password: ', resolve));
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'add') fail(command ? `Unknown command "${command}".` : 'Missing command.');
  let values;
  try {
    values = parseArgs({
      args: rest,
      options: { username: { type: 'string' }, 'first-name': { type: 'string' }, role: { type: 'string' }, sites: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
      strict: true,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  const username = values.username?.trim().toLowerCase();
  const firstName = values['first-name']?.trim();
  const role = ROLES[values.role ?? ''];
  const siteIds = (values.sites ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!username || !/^[a-z0-9._-]{2,64}$/.test(username)) fail('--username is required: 2 to 64 lower-case letters, digits, dots, dashes or underscores.');
  if (!firstName) fail('--first-name is required.');
  if (!role) fail(`--role must be one of ${Object.keys(ROLES).join(', ')}${values.role ? ` (got "${values.role}")` : ''}.`);
  if (role !== 'admin_departement' && siteIds.length === 0) fail(`--sites is required for --role ${values.role}: the pôles this person works at, for example --sites chatillon.`);
  const badSite = siteIds.find((s) => !/^[a-z0-9][a-z0-9-]{1,62}$/.test(s));
  if (badSite) fail(`--sites: "${badSite}" is not a site id (lower-case letters, digits and dashes, as in kiosk-config/sites/<id>.json).`);
  const password = await readPassword(values['password-stdin']);
  if (password.length < 10) fail('The password must have at least 10 characters.');

  const store = await openCheckedStore(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL).catch((error: unknown) => fail(isStoreOpenError(error) ? error.message : String(error)));
  try {
    await migrate(store);
    if (await findStaffByUsername(store.db, username)) fail(`A staff account "${username}" already exists.`);
    const known = new Set((await store.db.selectFrom('site_configs').select('id').execute()).map((r) => r.id));
    const unknown = known.size ? siteIds.find((s) => !known.has(s)) : undefined;
    if (unknown) fail(`--sites: there is no pôle "${unknown}": expected one of ${[...known].sort().join(', ')}.`);
    await insertStaff(store.db, { id: randomUUID(), username, firstName, role, siteIds }, await hashPassword(password), new Date());
    process.stdout.write(`Added ${values.role} "${username}" (${firstName})${siteIds.length ? ` at ${siteIds.join(', ')}` : ''}.\n`);
  } finally {
    await store.close();
  }
}

void main();
