// A reader for the `owl:NamedIndividual` blocks of smart.owl: enumeration members, API calls,
// filters and parameters. smart.owl writes each individual as one flat block of literal and
// resource properties, so a small scanner reads them without an RDF parser (which would cost
// start-up time and trips over one invalid xml:lang attribute in the file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../paths.js';

export const SMART_OWL_PATH = join(paths.root, 'server', 'ontology', 'smart.owl');

export interface Individual {
  uri: string;
  types: string[];
  /** Property (prefixed name as written, e.g. `api:path`) → literal texts or resource URIs. */
  properties: Map<string, string[]>;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!);
}

export function readIndividuals(owl: string): Individual[] {
  const entities = new Map<string, string>();
  for (const m of owl.matchAll(/<!ENTITY\s+(\S+)\s+"([^"]*)"\s*>/g)) entities.set(m[1]!, m[2]!);
  const expand = (text: string) => text.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => entities.get(name) ?? whole);
  const individuals: Individual[] = [];
  for (const block of owl.matchAll(/<owl:NamedIndividual rdf:about="([^"]+)">([\s\S]*?)<\/owl:NamedIndividual>/g)) {
    const properties = new Map<string, string[]>();
    const add = (name: string, value: string) => properties.set(name, [...(properties.get(name) ?? []), value]);
    const body = block[2]!;
    for (const m of body.matchAll(/<([\w-]+:[\w-]+)\s+rdf:resource="([^"]+)"\s*\/>/g)) add(m[1]!, expand(m[2]!));
    for (const m of body.matchAll(/<([\w-]+:[\w-]+)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) add(m[1]!, unescapeXml(m[2]!));
    individuals.push({ uri: expand(block[1]!), types: properties.get('rdf:type') ?? [], properties });
  }
  return individuals;
}

let cached: Individual[] | undefined;

/** The individuals of the bundled smart.owl, read once. */
export function ontologyIndividuals(): Individual[] {
  cached ??= readIndividuals(readFileSync(SMART_OWL_PATH, 'utf8'));
  return cached;
}

export const first = (individual: Individual, property: string): string | undefined => individual.properties.get(property)?.[0];
