// The coded-value enumerations of smart.owl (EncounterType, ProblemStatus, VitalSign, …), read from
// the ontology itself so that identifiers and titles are never retyped. The API Verifier compares
// titles against exactly these individuals.
import type { Code } from '../world/types.js';
import { first, ontologyIndividuals } from './individuals.js';

export interface EnumerationMember {
  uri: string;
  identifier: string;
  title: string;
}

export const SPCODE = 'http://smartplatforms.org/terms/codes/';

let cached: Map<string, Map<string, EnumerationMember>> | undefined;

/** Maps an spcode class name (`EncounterType`) to its members by identifier (`ambulatory`). */
export function enumerations(): Map<string, Map<string, EnumerationMember>> {
  if (cached) return cached;
  cached = new Map();
  for (const individual of ontologyIndividuals()) {
    const title = first(individual, 'dcterms:title');
    if (title === undefined) continue;
    const { uri } = individual;
    const identifier = uri.slice(Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1);
    for (const type of individual.types) {
      if (!type.startsWith(SPCODE)) continue;
      const cls = type.slice(SPCODE.length);
      if (!cached.has(cls)) cached.set(cls, new Map());
      cached.get(cls)!.set(identifier, { uri, identifier, title });
    }
  }
  return cached;
}

/** A coded value of an enumeration, with the ontology's exact title. Throws on a typo. */
export function enumCode(cls: string, identifier: string): Code {
  const member = enumerations().get(cls)?.get(identifier);
  if (!member) throw new Error(`smart.owl has no ${cls} member "${identifier}"`);
  return { code: member.identifier, title: member.title };
}

/** The code URI of an enumeration member (the URI the ontology declares for it). */
export function enumUri(cls: string, identifier: string): string {
  const member = enumerations().get(cls)?.get(identifier);
  if (!member) throw new Error(`smart.owl has no ${cls} member "${identifier}"`);
  return member.uri;
}
