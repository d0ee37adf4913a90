import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { migrate, openSqlite } from '../store/db';
import { hashPassword } from './password';
import { findStaffByUsername, insertStaff } from './staff.repository';

const USAGE = `Usage: npm run staff -- add --username <name> --first-name <prénom> --role mediateur|admin [--password-stdin]
  The password is asked for (hidden), or read from standard input with --password-stdin.
  The first name is what usagers see on the kiosk (« Karim arrive »).`;

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
      options: { username: { type: 'string' }, 'first-name': { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
      strict: true,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  const username = values.username?.trim().toLowerCase();
  const firstName = values['first-name']?.trim();
  const role = values.role;
  if (!username || !/^[a-z0-9._-]{2,64}$/.test(username)) fail('--username is required: 2 to 64 lower-case letters, digits, dots, dashes or underscores.');
  if (!firstName) fail('--first-name is required.');
  if (role !== 'mediateur' && role !== 'admin') fail('--role must be "mediateur" or "admin".');
  const password = await readPassword(values['password-stdin']);
  if (password.length < 10) fail('The password must have at least 10 characters.');

  const url = process.env.DATABASE_URL ?? 'sqlite:./data/borne.sqlite';
  if (!url.startsWith('sqlite:')) fail('Only the embedded SQLite database is supported by this version (unset DATABASE_URL).');
  const store = openSqlite(url.slice('sqlite:'.length));
  try {
    await migrate(store);
    if (await findStaffByUsername(store.db, username)) fail(`A staff account "${username}" already exists.`);
    await insertStaff(store.db, { id: randomUUID(), username, firstName, role }, await hashPassword(password), new Date());
    process.stdout.write(`Added ${role} "${username}" (${firstName}).\n`);
  } finally {
    await store.close();
  }
}

void main();
