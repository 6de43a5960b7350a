// The SMART API call table, derived from the `api:Call` individuals of smart.owl: method, path,
// cardinality, target type, default sort, filters and parameters. The REST routes, the container
// manifest's capabilities and the client-library wrappers are all built from this table, so they
// cannot disagree with the ontology or with each other.
import { first, ontologyIndividuals, type Individual } from './individuals.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiFilter {
  /** Query parameter, e.g. `date_from` or `loinc`. */
  parameter: string;
  kind: 'date' | 'code';
  /** The filtered property path, as the ontology's SPARQL writes it, e.g. `sp:drugName/sp:code`. */
  path: string;
  /** For code filters: the code URI with `{parameter}` in place of the value. */
  codeTemplate?: string;
}

export interface ApiCall {
  name: string;
  method: HttpMethod;
  path: string;
  cardinality: 'single' | 'multiple';
  category: string;
  target: string;
  defaultSort?: string;
  filters: ApiFilter[];
  /** Query parameters the call declares (filters, paging and explicit parameters). */
  parameters: string[];
}

export const SP = 'http://smartplatforms.org/terms#';
const API = 'http://smartplatforms.org/terms/api#';

/**
 * Known mistakes of smart.owl (data-model.md §1.2): get_lab_panel carries the list path, and the
 * documents' default sort names `sp:date`, which no statement has (documents carry dcterms:date).
 */
const ERRATA: Record<string, Partial<ApiCall>> = {
  get_lab_panel: { path: '/records/{record_id}/lab_panels/{lab_panel_id}' },
  get_documents: { defaultSort: 'dcterms:date' },
};

function readFilter(individual: Individual): ApiFilter {
  const parameter = first(individual, 'api:clientParameterName');
  const sparql = first(individual, 'api:filterSparql');
  if (!parameter || !sparql) throw new Error(`smart.owl filter ${individual.uri} lacks a parameter name or SPARQL`);
  const triple = /\?v\s+(\S+)\s+\?\w+\s*\./.exec(sparql);
  if (!triple) throw new Error(`smart.owl filter ${individual.uri}: cannot read its property path from ${JSON.stringify(sparql)}`);
  const template = /uri\(<([^>]+)>\)/.exec(sparql)?.[1];
  return {
    parameter,
    kind: parameter.startsWith('date_') ? 'date' : 'code',
    path: triple[1]!,
    ...(template ? { codeTemplate: template } : {}),
  };
}

function readCalls(): ApiCall[] {
  const individuals = ontologyIndividuals();
  const byUri = new Map(individuals.map((i) => [i.uri, i]));
  const calls: ApiCall[] = [];
  for (const individual of individuals) {
    if (!individual.types.includes(`${API}Call`)) continue;
    const name = first(individual, 'api:clientMethodName');
    const method = first(individual, 'api:httpMethod') as HttpMethod | undefined;
    const path = first(individual, 'api:path');
    const target = first(individual, 'api:target');
    if (!name || !method || !path || !target) throw new Error(`smart.owl call ${individual.uri} is incomplete`);
    const cardinality = first(individual, 'api:cardinality') === 'multiple' ? 'multiple' : 'single';
    const filters = (individual.properties.get('api:hasFilter') ?? []).map((uri) => readFilter(byUri.get(uri)!));
    const declared = (individual.properties.get('api:hasParameter') ?? []).map((uri) => first(byUri.get(uri)!, 'api:clientParameterName')!);
    const call: ApiCall = {
      name,
      method,
      path,
      cardinality,
      category: first(individual, 'api:category') ?? 'record',
      target,
      filters: filters.sort((a, b) => a.parameter.localeCompare(b.parameter)),
      parameters: [],
    };
    const sort = first(individual, 'api:defaultSort');
    if (sort) call.defaultSort = sort;
    Object.assign(call, ERRATA[name]);
    // Every list call pages with limit and offset (offset came in 0.5 and the 0.6 server honours it).
    const paging = cardinality === 'multiple' && method === 'GET' ? ['limit', 'offset'] : [];
    call.parameters = [...new Set([...call.filters.map((f) => f.parameter), ...declared, ...paging])];
    calls.push(call);
  }
  return calls.sort((a, b) => a.name.localeCompare(b.name));
}

let cached: ApiCall[] | undefined;

export function apiCalls(): readonly ApiCall[] {
  cached ??= readCalls();
  return cached;
}

export function apiCall(name: string): ApiCall {
  const call = apiCalls().find((c) => c.name === name);
  if (!call) throw new Error(`smart.owl has no API call ${name}`);
  return call;
}

/** Target type URI → the HTTP methods the ontology defines for it (the manifest's capabilities). */
export function capabilities(): Record<string, { methods: HttpMethod[] }> {
  const result: Record<string, { methods: HttpMethod[] }> = {};
  for (const call of apiCalls()) {
    const entry = (result[call.target] ??= { methods: [] });
    if (!entry.methods.includes(call.method)) entry.methods.push(call.method);
  }
  const order: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
  for (const entry of Object.values(result)) entry.methods.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}
