// Reading the committed fixtures: the default seed's 50 patients and the hashed seed accounts.
// They are the generator's output (build-fixtures.ts), committed so that the default world never
// changes when a dependency (faker above all) changes.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { paths } from '../paths.js';
import type { AccountRow } from '../store/schema.js';
import type { PatientRecord } from './types.js';

export interface FixtureManifest {
  generatorVersion: number;
  seed: number;
  referenceDate: string;
  /** Record ids in generation order (index 0 first). */
  records: string[];
}

export const MANIFEST = 'manifest.json';
export const ACCOUNTS = 'accounts.json';
export const patientFile = (id: string) => join('patients', `${id}.json`);

/** Relative paths of the fixture files currently on disk. */
export async function listFixtureFiles(dir = paths.fixtures): Promise<string[]> {
  const patients = await readdir(join(dir, 'patients'));
  return [MANIFEST, ACCOUNTS, ...patients.map((f) => join('patients', f))];
}

export async function readFixtureManifest(dir = paths.fixtures): Promise<FixtureManifest> {
  return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as FixtureManifest;
}

export async function readFixtureRecord(id: string, dir = paths.fixtures): Promise<PatientRecord> {
  return JSON.parse(await readFile(join(dir, patientFile(id)), 'utf8')) as PatientRecord;
}

export async function readSeedAccounts(dir = paths.fixtures): Promise<AccountRow[]> {
  return JSON.parse(await readFile(join(dir, ACCOUNTS), 'utf8')) as AccountRow[];
}
