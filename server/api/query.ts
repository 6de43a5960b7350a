// Filters, sorting and paging of list calls (protocol.md §4.3, data-model.md §3.4), driven by the
// filters and default sort the ontology declares for each call.
import type { ApiCall, ApiFilter } from '../ontology/calls.js';
import { BadRequest } from '../http/errors.js';
import type { Identified, Model, RecordData } from './models.js';

const LOW = '1900-01-01T00:00:00Z';
const HIGH = '2999-12-31T23:59:59Z';
const ISO = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?Z?)?)?)?$/;

/** Right-pads a partial ISO date with a template, so strings compare as instants. */
const pad = (value: string, template: string) => (value.length >= template.length ? value.slice(0, template.length) : value + template.slice(value.length));

type DateTest = (date: string, bound: string) => boolean;

const DATE_TESTS: Record<string, DateTest> = {
  date_from: (d, x) => pad(d, HIGH) >= pad(x, LOW),
  date_from_including: (d, x) => pad(d, HIGH) >= pad(x, LOW),
  date_from_excluding: (d, x) => pad(d, HIGH) > pad(x, HIGH),
  date_to: (d, x) => pad(d, LOW) <= pad(x, HIGH),
  date_to_including: (d, x) => pad(d, LOW) <= pad(x, HIGH),
  date_to_excluding: (d, x) => pad(d, LOW) < pad(x, LOW),
};

export interface Page {
  limit?: number;
  offset: number;
}

function integer(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new BadRequest(`${name} must be a whole number of at least ${min}, got "${raw}".`);
  return Number(raw);
}

export function readPage(query: URLSearchParams): Page {
  const limit = query.get('limit');
  const offset = query.get('offset');
  return { ...(limit !== null && limit !== '' ? { limit: integer('limit', limit, 1) } : {}), offset: offset !== null && offset !== '' ? integer('offset', offset, 0) : 0 };
}

function filterTest<T extends Identified>(filter: ApiFilter, model: Model<T>, raw: string): (item: T, data: RecordData) => boolean {
  const read = model.values[filter.path];
  if (!read) throw new Error(`no accessor for ${model.type} ${filter.path}`);
  const alternatives = raw.split('|').filter((v) => v !== '');
  if (filter.kind === 'date') {
    for (const value of alternatives) {
      if (!ISO.test(value)) throw new BadRequest(`${filter.parameter} must be an ISO date such as 2010-05-01 or 2010-05-01T10:30:00Z, got "${value}".`);
    }
    const test = DATE_TESTS[filter.parameter];
    if (!test) throw new Error(`unknown date filter ${filter.parameter}`);
    return (item, data) => {
      const date = read(item, data);
      return date !== undefined && alternatives.some((bound) => test(date, bound));
    };
  }
  const uris = new Set(alternatives.map((value) => filter.codeTemplate!.replace(`{${filter.parameter}}`, value)));
  return (item, data) => {
    const uri = read(item, data);
    return uri !== undefined && uris.has(uri);
  };
}

/** Applies the call's filters present in the query (ANDed; `|` alternatives ORed). */
export function applyFilters<T extends Identified>(call: ApiCall, model: Model<T>, items: readonly T[], data: RecordData, query: URLSearchParams): T[] {
  const tests = call.filters.filter((f) => query.has(f.parameter) && query.get(f.parameter) !== '').map((f) => filterTest(f, model, query.get(f.parameter)!));
  return tests.length === 0 ? [...items] : items.filter((item) => tests.every((test) => test(item, data)));
}

/** Newest first by the call's default sort, then by statement URI (here: id) ascending. */
export function sortItems<T extends Identified>(call: ApiCall, model: Model<T>, items: T[], data: RecordData): T[] {
  if (!call.defaultSort) return items;
  const read = model.values[call.defaultSort];
  if (!read) throw new Error(`no accessor for ${model.type} sort ${call.defaultSort}`);
  const keyed = items.map((item) => ({ item, key: read(item, data) ?? '' }));
  keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return keyed.map((k) => k.item);
}
