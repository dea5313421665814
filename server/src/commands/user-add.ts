// `maoni-server user add EMAIL [--role owner|moderator] [--password-stdin]`: creates an owner or
// moderator account in the configured database, or sets the role and password of an existing one
// (which signs it out everywhere). The password is asked twice without echo, or read from stdin
// for scripts; it is never printed or logged.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { openStore } from '../store/open.js';
import type { Role } from '../store/database.js';

export class UsageError extends Error {}

export interface UserAddArgs {
  email: string;
  role: Role;
  passwordStdin: boolean;
}

export function parseUserAdd(argv: string[]): UserAddArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const [email, ...rest] = positionals;
  if (!email || rest.length) throw new UsageError('user add takes one e-mail address');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(`"${email}" is not an e-mail address`);
  const role = values.role ?? 'owner';
  if (role !== 'owner' && role !== 'moderator') throw new UsageError(`--role must be owner or moderator, not "${role}"`);
  return { email, role, passwordStdin: values['password-stdin'] ?? false };
}

async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdinLine();
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask for the password: use --password-stdin');
  const first = await askHidden('Password: ');
  const second = await askHidden('Password again: ');
  if (first !== second) throw new UsageError('the two passwords differ; nothing was changed');
  return first;
}

export async function userAdd(argv: string[], dbPath: string): Promise<string> {
  const args = parseUserAdd(argv);
  const password = await readPassword(args.passwordStdin);
  if (password.length < 8) throw new UsageError('the password must have 8 characters or more; nothing was changed');
  const store = await openStore(dbPath);
  try {
    const { account, created } = await store.accounts.saveUser({ email: args.email, password, role: args.role }, new Date());
    return created ? `Created ${account.role} ${account.email}.` : `Updated ${account.email}: now ${account.role}, with the new password (signed out everywhere).`;
  } finally {
    await store.close();
  }
}
