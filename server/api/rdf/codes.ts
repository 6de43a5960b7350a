// Code nodes (data-model.md §1.4–1.5): each code is a URI node typed exactly `sp:Code` plus one
// `spcode:` class, with one title, its system and its identifier. Nodes are cached per URI and
// written once per response, so a code can never appear with two titles in one graph.
import { enumUri } from '../../ontology/enumerations.js';
import type { Code } from '../../world/types.js';
import { attr, literal } from './xml.js';

/** Code systems of the non-enumerated classes: spcode class → system URI prefix. */
export const SYSTEMS = {
  RxNorm_Semantic: 'http://purl.bioontology.org/ontology/RXNORM/',
  RxNorm_Ingredient: 'http://purl.bioontology.org/ontology/RXNORM/',
  SNOMED: 'http://purl.bioontology.org/ontology/SNOMEDCT/',
  Procedure: 'http://purl.bioontology.org/ontology/SNOMEDCT/',
  LOINC: 'http://purl.bioontology.org/ontology/LNC/',
  NDFRT: 'http://purl.bioontology.org/ontology/NDFRT/',
  UNII: 'http://fda.gov/UNII/',
  ImmunizationProduct: 'http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=cvx#',
  ImmunizationClass: 'http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=vg#',
} as const;

export type OpenCodeClass = keyof typeof SYSTEMS;

/** Enumerated spcode classes: their code URIs are the ontology's individuals. */
export type EnumClass =
  | 'EncounterType'
  | 'ProblemStatus'
  | 'ProcedureStatus'
  | 'AllergyCategory'
  | 'AllergySeverity'
  | 'AllergyExclusion'
  | 'SmokingStatus'
  | 'VitalSign'
  | 'BloodPressureBodyPosition'
  | 'BloodPressureBodySite'
  | 'BloodPressureMethod'
  | 'LabResultInterpretation'
  | 'LabResultStatus'
  | 'ImmunizationAdministrationStatus'
  | 'ImmunizationRefusalReason'
  | 'DocumentType';

export type CodeClass = OpenCodeClass | EnumClass;

const nodes = new Map<string, string>();

export function codeUri(cls: CodeClass, code: Code): string {
  return cls in SYSTEMS ? `${SYSTEMS[cls as OpenCodeClass]}${code.code}` : enumUri(cls, code.code);
}

/** The code node's XML, cached by URI. */
export function codeNode(cls: CodeClass, code: Code): { uri: string; xml: string } {
  const uri = codeUri(cls, code);
  let xml = nodes.get(uri);
  if (xml === undefined) {
    const system = uri.slice(0, uri.length - code.code.length);
    xml =
      `<spcode:${cls} rdf:about="${attr(uri)}"><rdf:type rdf:resource="http://smartplatforms.org/terms#Code"/>` +
      `${literal('dcterms:title', code.title)}${literal('sp:system', system)}${literal('dcterms:identifier', code.code)}</spcode:${cls}>\n`;
    nodes.set(uri, xml);
  }
  return { uri, xml };
}
