// The coded-value enumerations of smart.owl (EncounterType, ProblemStatus, VitalSign, …), read from
// the ontology file itself so that identifiers and titles are never retyped. The API Verifier
// compares titles against exactly these individuals.
//
// smart.owl declares each enumeration member as a regular `owl:NamedIndividual` block, so a small
// scanner is enough here; the REST API layer parses the full ontology with an RDF parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../paths.js';
import type { Code } from '../world/types.js';

export const SMART_OWL_PATH = join(paths.root, 'server', 'ontology', 'smart.owl');

export interface EnumerationMember {
  uri: string;
  identifier: string;
  title: string;
}

const SPCODE = 'http://smartplatforms.org/terms/codes/';

function expandEntities(text: string, entities: Map<string, string>): string {
  return text.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => entities.get(name) ?? whole);
}

/** Maps an spcode class name (`EncounterType`) to its members by identifier (`ambulatory`). */
export function readEnumerations(owl: string): Map<string, Map<string, EnumerationMember>> {
  const entities = new Map<string, string>();
  for (const m of owl.matchAll(/<!ENTITY\s+(\S+)\s+"([^"]*)"\s*>/g)) entities.set(m[1]!, m[2]!);
  const result = new Map<string, Map<string, EnumerationMember>>();
  for (const block of owl.matchAll(/<owl:NamedIndividual rdf:about="([^"]+)">([\s\S]*?)<\/owl:NamedIndividual>/g)) {
    const uri = expandEntities(block[1]!, entities);
    const title = /<dcterms:title>([^<]*)<\/dcterms:title>/.exec(block[2]!)?.[1];
    if (title === undefined) continue;
    const identifier = uri.slice(Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1);
    for (const type of block[2]!.matchAll(/<rdf:type rdf:resource="([^"]+)"\/>/g)) {
      const typeUri = expandEntities(type[1]!, entities);
      if (!typeUri.startsWith(SPCODE)) continue;
      const cls = typeUri.slice(SPCODE.length);
      if (!result.has(cls)) result.set(cls, new Map());
      result.get(cls)!.set(identifier, { uri, identifier, title });
    }
  }
  return result;
}

let cached: Map<string, Map<string, EnumerationMember>> | undefined;

export function enumerations(): Map<string, Map<string, EnumerationMember>> {
  cached ??= readEnumerations(readFileSync(SMART_OWL_PATH, 'utf8'));
  return cached;
}

/** A coded value of an enumeration, with the ontology's exact title. Throws on a typo. */
export function enumCode(cls: string, identifier: string): Code {
  const member = enumerations().get(cls)?.get(identifier);
  if (!member) throw new Error(`smart.owl has no ${cls} member "${identifier}"`);
  return { code: member.identifier, title: member.title };
}
