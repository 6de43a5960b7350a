// Record calls (protocol.md §4.2): one list and one single-item route per statement type, taken
// from the ontology's call table, plus demographics, social history, documents, the photograph,
// posting clinical notes, and records/search.
import type Router from '@koa/router';
import type { Context } from 'koa';
import { NotFound } from '../../http/errors.js';
import { apiCalls, type ApiCall } from '../../ontology/calls.js';
import { apiBase, type Services } from '../../services.js';
import { mayReadRecord, maySearchRecords } from '../access.js';
import { cachedDocument, cachedGraphResponse, graphResponse, standaloneXml, uriOf, type Summary } from '../graph.js';
import { authenticate, principalOf, queryPairs, queryParams, send, type ApiState } from '../http.js';
import { MODEL_BY_TARGET, findById, models, type Identified, type Model, type RecordData, type Ref } from '../models.js';
import { parsePostedNote } from '../post-note.js';
import { applyFilters, readPage, sortItems } from '../query.js';
import { demographicsXml, socialHistoryXml, type UriContext } from '../rdf/statements.js';
import { searchRecords } from '../search.js';

const RDF = 'application/rdf+xml';

/** `/records/{record_id}/medications/` → `/records/:record_id/medications` (the trailing slash is optional). */
export const koaPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '');

export function recordData(services: Services, recordId: string): RecordData {
  const record = services.world.record(recordId);
  if (!record) throw new NotFound(`No record ${recordId} in this sandbox.`);
  const posted = services.store.postedNotes(recordId);
  return { record, notes: posted.length > 0 ? [...record.clinicalNotes, ...posted] : record.clinicalNotes };
}

function nextPageUrl(ctx: Context, base: string, offset: number, limit: number): string {
  const pairs = queryPairs(ctx).filter(([k]) => k !== 'offset' && k !== 'limit');
  pairs.push(['limit', String(limit)], ['offset', String(offset + limit)]);
  return `${base}?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

interface ListResult {
  refs: Ref[];
  summary: Summary;
}

/** Filters, sorts and pages one model's statements for a list call. */
function list(ctx: Context, call: ApiCall, model: Model<Identified>, data: RecordData, c: UriContext): ListResult {
  const query = queryParams(ctx);
  const sorted = sortItems(call, model, applyFilters(call, model, model.items(data), data, query), data);
  // Paging applies only to calls with a default sort, as in the reference.
  const page = call.defaultSort ? readPage(query) : { offset: 0 };
  const items = page.limit === undefined ? sorted : sorted.slice(page.offset, page.offset + page.limit);
  const refs = items.map((item) => ({ model, item }));
  const summary: Summary = { total: sorted.length, returned: items.length };
  if (page.limit !== undefined) {
    summary.order = refs.map((r) => uriOf(r, c));
    if (page.offset + page.limit < sorted.length) summary.nextPageUrl = nextPageUrl(ctx, `${c.api}/records/${data.record.id}/${model.segment}/`, page.offset, page.limit);
  }
  return { refs, summary };
}

export function recordRoutes(router: Router, services: Services): void {
  const auth = authenticate(services);
  const api = apiBase(services.config);

  /** Resolves the principal's access to the record and the data to serve. */
  const open = (ctx: Context): { data: RecordData; c: UriContext; started: number } => {
    const started = performance.now();
    const recordId = ctx.params.record_id!;
    mayReadRecord(principalOf(ctx), recordId);
    const data = recordData(services, recordId);
    return { data, c: { api, record: data.record }, started };
  };

  router.get('/records/search', auth, (ctx) => {
    maySearchRecords(principalOf(ctx));
    // The world does not change, so the answer depends only on the query.
    send(ctx, 200, RDF, cachedDocument(services.world, `search|${ctx.querystring}`, () => {
      const matches = searchRecords(services.world, queryParams(ctx));
      return standaloneXml(matches.map((summary) => demographicsXml(summary.demographics, { api, record: { id: summary.id } })));
    }));
  });

  for (const call of apiCalls()) {
    if (call.category !== 'record' || call.method !== 'GET') continue;
    const type = call.target.slice(call.target.indexOf('#') + 1);
    const model = MODEL_BY_TARGET[type];
    const path = koaPath(call.path);
    if (model && call.cardinality === 'multiple') {
      router.get(path, auth, (ctx) => {
        const { data, c, started } = open(ctx);
        // Posted notes change the clinical notes' answer, so their count is part of the key.
        const key = `${model.segment}|${data.notes.length}|${ctx.querystring}`;
        send(ctx, 200, RDF, cachedGraphResponse(c, data, key, started, () => {
          const main = list(ctx, call, model, data, c);
          const summaries = [main.summary];
          const refs = [...main.refs];
          // /allergies/ returns allergy exclusions too, with their own summary (the reference merged two queries).
          if (model === (models.allergy as unknown as Model<Identified>)) {
            const exclusions = data.record.allergyExclusions.map((item) => ({ model: models.allergyExclusion as unknown as Model<Identified>, item }));
            if (exclusions.length > 0) {
              refs.push(...exclusions);
              summaries.push({ total: exclusions.length, returned: exclusions.length });
            }
            if (main.refs.length === 0) summaries.shift();
          }
          return { refs, summaries };
        }));
      });
    } else if (model) {
      const idParam = /\{(\w+)\}$/.exec(call.path)?.[1];
      router.get(path, auth, (ctx) => {
        const { data, c, started } = open(ctx);
        const id = ctx.params[idParam!]!;
        send(ctx, 200, RDF, cachedGraphResponse(c, data, `${model.segment}/${id}|${data.notes.length}`, started, () => {
          const item = findById(model, data, id);
          // An unknown id is an empty graph, not a 404: apps written against the reference rely on it.
          const refs = item ? [{ model, item }] : [];
          return { refs, summaries: [{ total: refs.length, returned: refs.length }] };
        }));
      });
    } else if (type === 'Demographics' && call.name === 'get_demographics') {
      router.get(path, auth, (ctx) => {
        const { data, c, started } = open(ctx);
        send(ctx, 200, RDF, standaloneXml([demographicsXml(data.record.demographics, c)], { total: 1, returned: 1 }, started));
      });
    } else if (type === 'SocialHistory') {
      router.get(path, auth, (ctx) => {
        const { data, c, started } = open(ctx);
        send(ctx, 200, RDF, standaloneXml([socialHistoryXml(data.record.socialHistory, c)], { total: 1, returned: 1 }, started));
      });
    } else if (type === 'Document') {
      // The generated world has no documents: lists are empty graphs, and so are unknown ids.
      router.get(path, auth, (ctx) => {
        open(ctx);
        send(ctx, 200, RDF, standaloneXml([]));
      });
    } else if (type === 'Photograph') {
      router.get(path, auth, (ctx) => {
        open(ctx);
        throw new NotFound(`Record ${ctx.params.record_id} has no photograph: the synthetic patients have no images.`);
      });
    }
  }

  router.post('/records/:record_id/clinical_notes', auth, async (ctx) => {
    const { data, c, started } = open(ctx);
    const note = await parsePostedNote((ctx.state as ApiState).body ?? Buffer.alloc(0), ctx.get('content-type'), `${api}/records/${data.record.id}`);
    await services.store.addPostedNote(data.record.id, note);
    const fresh = recordData(services, data.record.id);
    send(ctx, 200, RDF, graphResponse(c, fresh, [{ model: models.clinicalNote as unknown as Model<Identified>, item: note }], [{ total: 1, returned: 1 }], started));
  });
}
