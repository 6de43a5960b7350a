// Assembles an RDF/XML response graph: the matched statements, every statement they reference
// (one level of "neighbour expansion"), each code node once, and the api:ResponseSummary
// (data-model.md §3). Serialized statements are cached per statement object, so a response is
// mostly string concatenation.
import type { Fragment } from './rdf/node-writer.js';
import { statementUri, type UriContext } from './rdf/statements.js';
import { DOCUMENT_HEAD, DOCUMENT_TAIL, EMPTY_DOCUMENT, XSD_INTEGER, attr, literal } from './rdf/xml.js';
import type { Identified, Model, RecordData, Ref } from './models.js';

export interface Summary {
  /** Statements matching the filters, before paging. */
  total: number;
  /** URIs of the page's statements, in order; given only when the caller paged with `limit`. */
  order?: string[];
  returned: number;
  nextPageUrl?: string;
}

const fragments = new Map<string, WeakMap<object, Fragment>>();

function fragmentOf(model: Model<Identified>, item: Identified, c: UriContext): Fragment {
  let cache = fragments.get(c.api);
  if (!cache) fragments.set(c.api, (cache = new WeakMap()));
  let fragment = cache.get(item);
  if (!fragment) {
    fragment = model.xml(item, c);
    cache.set(item, fragment);
  }
  return fragment;
}

export const uriOf = (ref: Ref, c: UriContext): string => statementUri(c, ref.model.segment, ref.item.id);

const integer = (name: string, n: number) => `<api:${name} rdf:datatype="${XSD_INTEGER}">${n}</api:${name}>`;

function summaryXml(summary: Summary, n: number, processingMs: number): string {
  const parts = [integer('totalResultCount', summary.total), integer('resultsReturned', summary.returned), integer('processingTimeMs', processingMs)];
  let list = '';
  if (summary.nextPageUrl) parts.push(literal('api:nextPageURL', summary.nextPageUrl));
  if (summary.order) {
    if (summary.order.length === 0) {
      parts.push('<api:resultOrder rdf:resource="http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"/>');
    } else {
      parts.push(`<api:resultOrder rdf:nodeID="order${n}_0"/>`);
      list = summary.order
        .map((uri, i) => {
          const rest = i === summary.order!.length - 1 ? '<rdf:rest rdf:resource="http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"/>' : `<rdf:rest rdf:nodeID="order${n}_${i + 1}"/>`;
          return `<rdf:Description rdf:nodeID="order${n}_${i}"><rdf:first rdf:resource="${attr(uri)}"/>${rest}</rdf:Description>\n`;
        })
        .join('');
    }
  }
  return `<api:ResponseSummary rdf:nodeID="summary${n}">${parts.join('')}</api:ResponseSummary>\n${list}`;
}

const EMPTY = Buffer.from(EMPTY_DOCUMENT);
const TAIL = Buffer.from(DOCUMENT_TAIL);

/** Assembled statement blocks (document head, statements, code nodes) per record and request. */
const blocks = new WeakMap<object, Map<string, Buffer>>();
const BLOCKS_PER_RECORD = 64;

function statementBlock(c: UriContext, data: RecordData, refs: readonly Ref[]): Buffer {
  const statements = new Map<string, string>();
  const codes = new Map<string, string>();
  const add = (ref: Ref) => {
    const uri = uriOf(ref, c);
    if (statements.has(uri)) return;
    const fragment = fragmentOf(ref.model, ref.item, c);
    statements.set(uri, fragment.xml);
    for (const [codeUri, xml] of fragment.codes) codes.set(codeUri, xml);
  };
  for (const ref of refs) {
    add(ref);
    for (const neighbour of ref.model.neighbours?.(ref.item, data) ?? []) add(neighbour);
  }
  return Buffer.from([DOCUMENT_HEAD, ...statements.values(), ...codes.values()].join(''));
}

/**
 * The response document: the matched statements (in order), their neighbours, code nodes and the
 * summaries. An empty match is an empty graph with no summary, as the reference answered.
 * `cacheKey` names the request (path and query) so the assembled statements are reused: only the
 * summary, with its processing time, is written per request.
 */
export function graphResponse(c: UriContext, data: RecordData, refs: readonly Ref[], summaries: readonly Summary[], startedAt: number, cacheKey?: string): Buffer {
  if (refs.length === 0) return EMPTY;
  let block: Buffer | undefined;
  if (cacheKey !== undefined) {
    let perRecord = blocks.get(data.record);
    if (!perRecord) blocks.set(data.record, (perRecord = new Map()));
    const key = `${c.api}|${cacheKey}`;
    block = perRecord.get(key);
    if (!block) {
      block = statementBlock(c, data, refs);
      if (perRecord.size >= BLOCKS_PER_RECORD) perRecord.clear();
      perRecord.set(key, block);
    }
  } else {
    block = statementBlock(c, data, refs);
  }
  const processingMs = Math.round(performance.now() - startedAt);
  const summaryText = summaries.map((summary, n) => summaryXml(summary, n, processingMs)).join('');
  return Buffer.concat([block, Buffer.from(summaryText), TAIL]);
}

/** A document of statements that stand alone (demographics, social history, users, search results). */
export function standaloneXml(fragments: readonly Fragment[], summary?: Summary, startedAt = performance.now()): string {
  if (fragments.length === 0) return EMPTY_DOCUMENT;
  const codes = new Map<string, string>();
  for (const f of fragments) for (const [uri, xml] of f.codes) codes.set(uri, xml);
  const out = [DOCUMENT_HEAD, ...fragments.map((f) => f.xml), ...codes.values()];
  if (summary) out.push(summaryXml(summary, 0, Math.round(performance.now() - startedAt)));
  out.push(DOCUMENT_TAIL);
  return out.join('');
}
