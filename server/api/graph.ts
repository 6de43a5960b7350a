// Assembles an RDF/XML response graph: the matched statements, every statement they reference
// (one level of "neighbour expansion"), each code node once, and the api:ResponseSummary
// (data-model.md §3). Serialized statements are cached per statement object, and whole answers
// per request, so a repeated call costs a cache lookup.
import { BoundedCache } from '../bounded-cache.js';
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

const summariesXml = (summaries: readonly Summary[], processingMs: number) => Buffer.from(summaries.map((summary, n) => summaryXml(summary, n, processingMs)).join(''));

/**
 * The response document: the matched statements (in order), their neighbours, code nodes and the
 * summaries. An empty match is an empty graph with no summary, as the reference answered.
 */
export function graphResponse(c: UriContext, data: RecordData, refs: readonly Ref[], summaries: readonly Summary[], startedAt: number): Buffer {
  if (refs.length === 0) return EMPTY;
  const block = statementBlock(c, data, refs);
  return Buffer.concat([block, summariesXml(summaries, Math.round(performance.now() - startedAt)), TAIL]);
}

/** What a request is answered with, once its statements are assembled. */
interface Answer {
  /** The whole document as written when processing took 0 ms (the usual case once cached). */
  whole: Buffer;
  /** Bytes of `whole` before the summaries: the head and the statements. */
  statementBytes: number;
  /** Absent for documents without a summary, which are served exactly as cached. */
  summaries?: readonly Summary[];
}

/** Answers by request, for every record: at most this many bytes are kept, the oldest dropped first. */
const answers = new BoundedCache<string, Answer>(64 * 1024 * 1024, { weigh: (answer) => answer.whole.length });

/**
 * A number per record (or world) object. Answers are keyed by it rather than by the record id
 * because two sandboxes in one process (tests) can hold different records under the same id; the
 * object also stands for its sandbox, and so for the API base in the URIs.
 */
const ownerSerials = new WeakMap<object, number>();
let nextSerial = 0;
function serialOf(owner: object): number {
  let serial = ownerSerials.get(owner);
  if (serial === undefined) ownerSerials.set(owner, (serial = nextSerial++));
  return serial;
}

/**
 * graphResponse for a request whose answer is fixed by `cacheKey` (the record, the call, the query
 * string and anything else the answer depends on, such as the number of posted notes): the world
 * is immutable, so the filtered, sorted and serialized answer is computed once by `select` and
 * then reused. Only processingTimeMs can differ, and it is 0 on the reused path.
 */
export function cachedGraphResponse(c: UriContext, data: RecordData, cacheKey: string, startedAt: number, select: () => { refs: readonly Ref[]; summaries: readonly Summary[] }): Buffer {
  const key = `${serialOf(data.record)}|${cacheKey}`;
  let answer = answers.get(key);
  if (!answer) {
    const { refs, summaries } = select();
    if (refs.length === 0) return EMPTY;
    const block = statementBlock(c, data, refs);
    answer = { whole: Buffer.concat([block, summariesXml(summaries, 0), TAIL]), statementBytes: block.length, summaries };
    answers.set(key, answer);
  }
  const processingMs = Math.round(performance.now() - startedAt);
  if (processingMs === 0 || !answer.summaries) return answer.whole;
  return Buffer.concat([answer.whole.subarray(0, answer.statementBytes), summariesXml(answer.summaries, processingMs), TAIL]);
}

/** A summary-less document (records/search) fixed by `owner` (the world) and `cacheKey`, built once by `build`. */
export function cachedDocument(owner: object, cacheKey: string, build: () => string): Buffer {
  const key = `${serialOf(owner)}|${cacheKey}`;
  let answer = answers.get(key);
  if (!answer) {
    const whole = Buffer.from(build());
    answers.set(key, (answer = { whole, statementBytes: whole.length }));
  }
  return answer.whole;
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
