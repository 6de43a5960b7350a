// RDF for apps: RDF/XML parsed with rdfxml-streaming-parser into an N3 store, and a small
// rdfQuery-style query helper: graph.where('?m rdf:type sp:Medication').where('?m sp:drugName ?d')
// .each(function (i, bindings) { this.d.value … }). Values are {value, type} terms whose
// toString() is the value, as apps used them.
import { Store, DataFactory } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  sp: 'http://smartplatforms.org/terms#',
  spcode: 'http://smartplatforms.org/terms/codes/',
  api: 'http://smartplatforms.org/terms/api#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  v: 'http://www.w3.org/2006/vcard/ns#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const term = (t) => ({
  value: t.value,
  type: t.termType === 'Literal' ? 'literal' : t.termType === 'BlankNode' ? 'bnode' : 'uri',
  datatype: t.termType === 'Literal' ? t.datatype.value : undefined,
  toString() {
    return t.value;
  },
});

/** Parses RDF/XML (synchronously enough for apps: resolves once the document is read). */
export function parseRdfXml(xml) {
  return new Promise((resolve, reject) => {
    const store = new Store();
    const parser = new RdfXmlParser();
    parser.on('data', (quad) => store.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(store));
    parser.write(xml);
    parser.end();
  });
}

function parsePattern(pattern, prefixes) {
  const tokens = pattern.trim().replace(/\s*\.\s*$/, '').match(/<[^>]*>|"(?:[^"\\]|\\.)*"|\S+/g);
  if (!tokens || tokens.length !== 3) throw new Error(`cannot read the pattern "${pattern}" (expected subject predicate object)`);
  return tokens.map((token) => {
    if (token.startsWith('?')) return { variable: token.slice(1) };
    if (token.startsWith('<')) return { node: DataFactory.namedNode(token.slice(1, -1)) };
    if (token.startsWith('"')) return { node: DataFactory.literal(JSON.parse(token)) };
    if (token === 'a') return { node: DataFactory.namedNode(`${PREFIXES.rdf}type`) };
    const colon = token.indexOf(':');
    const ns = prefixes[token.slice(0, colon)];
    if (colon < 0 || !ns) throw new Error(`unknown prefix in "${token}"`);
    return { node: DataFactory.namedNode(ns + token.slice(colon + 1)) };
  });
}

class Matches {
  constructor(store, prefixes, rows) {
    this.store = store;
    this.prefixes = prefixes;
    this.rows = rows;
  }

  get length() {
    return this.rows.length;
  }

  get(i) {
    return this.rows[i];
  }

  /** Joins every current row with the matches of another triple pattern. */
  where(pattern) {
    return new Matches(this.store, this.prefixes, this.rows.flatMap((row) => match(this.store, parsePattern(pattern, this.prefixes), row)));
  }

  /** Like where(), but rows without a match are kept (the variables stay unbound). */
  optional(pattern) {
    return new Matches(
      this.store,
      this.prefixes,
      this.rows.flatMap((row) => {
        const more = match(this.store, parsePattern(pattern, this.prefixes), row);
        return more.length > 0 ? more : [row];
      }),
    );
  }

  each(fn) {
    this.rows.forEach((row, i) => fn.call(row, i, row));
    return this;
  }

  map(fn) {
    return this.rows.map((row, i) => fn.call(row, i, row));
  }
}

function match(store, [s, p, o], row) {
  const bound = (part) => (part.node ? part.node : row.__terms[part.variable]);
  const quads = store.getQuads(bound(s) ?? null, bound(p) ?? null, bound(o) ?? null, null);
  const rows = [];
  for (const quad of quads) {
    const next = { ...row, __terms: { ...row.__terms } };
    let ok = true;
    for (const [part, value] of [[s, quad.subject], [p, quad.predicate], [o, quad.object]]) {
      if (!part.variable) continue;
      const existing = next.__terms[part.variable];
      if (existing && !existing.equals(value)) ok = false;
      next.__terms[part.variable] = value;
      next[part.variable] = term(value);
    }
    if (ok) rows.push(next);
  }
  return rows;
}

/** The graph object of a response: the store plus the query helper. */
export function graphOf(store, extraPrefixes = {}) {
  const prefixes = { ...PREFIXES, ...extraPrefixes };
  const root = new Matches(store, prefixes, [Object.defineProperty({}, '__terms', { value: {}, enumerable: false, writable: true })]);
  return {
    store,
    size: store.size,
    prefix(name, uri) {
      prefixes[name] = uri;
      return this;
    },
    where: (pattern) => root.where(pattern),
    triples: () => store.getQuads(null, null, null, null),
  };
}
