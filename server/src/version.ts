// The package's version, read once from its package.json (two folders up from the compiled file).
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const serverVersion: string = manifest.version;
