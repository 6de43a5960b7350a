// Building the committed fixtures from the generator. `npm run fixtures` rewrites them; a test
// proves regeneration reproduces them byte for byte.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_PATIENTS, DEFAULT_SEED } from '../config.js';
import { paths } from '../paths.js';
import { hashPasswordSync } from '../store/passwords.js';
import type { AccountRow } from '../store/schema.js';
import { SEED_ACCOUNTS } from '../store/seed-accounts.js';
import { ACCOUNTS, MANIFEST, patientFile, type FixtureManifest } from './fixtures.js';
import { formatRecord } from './format.js';
import { GENERATOR_VERSION, REFERENCE_DATE, generatePatient } from './generate/index.js';
import type { PatientRecord } from './types.js';

/** Every fixture file, as path (relative to fixtures/) → exact content. */
export function buildFixtures(): Map<string, string> {
  const files = new Map<string, string>();
  const records: PatientRecord[] = [];
  for (let index = 0; index < DEFAULT_PATIENTS; index++) records.push(generatePatient(DEFAULT_SEED, index));
  const manifest: FixtureManifest = { generatorVersion: GENERATOR_VERSION, seed: DEFAULT_SEED, referenceDate: REFERENCE_DATE, records: records.map((r) => r.id) };
  files.set(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const record of records) files.set(patientFile(record.id), formatRecord(record));
  const accounts: AccountRow[] = SEED_ACCOUNTS.map(({ password, ...profile }) => ({
    ...profile,
    // A salt derived from the e-mail keeps the file reproducible; these passwords are public anyway.
    passwordHash: hashPasswordSync(password, createHash('sha256').update(`smart-sandbox:${profile.email}`).digest().subarray(0, 16)),
    createdAt: `${REFERENCE_DATE}T00:00:00.000Z`,
  }));
  files.set(ACCOUNTS, `${JSON.stringify(accounts, null, 2)}\n`);
  return files;
}

export async function writeFixtures(dir = paths.fixtures): Promise<number> {
  const files = buildFixtures();
  await rm(join(dir, 'patients'), { recursive: true, force: true });
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return files.size;
}

