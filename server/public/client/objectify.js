// The JSON-LD-like view of a response graph (protocol.md §6.2): objects per subject with
// context-shortened property names (`drugName`, `dcterms__title`), linked nodes, and an index by
// type (`of_type.Medication`). As in the original client, a property the context declares
// single-valued must not repeat on a node, and 0.6 terms the 0.5 context does not name keep their
// full URIs with array values.
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_FIRST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
const RDF_REST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';
const RDF_NIL = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#nil';

export function objectify(store, context) {
  const names = new Map();
  const sets = new Set();
  for (const [name, definition] of Object.entries(context)) {
    if (!definition || !definition['@id']) continue;
    names.set(definition['@id'], name);
    if (definition['@container'] === '@set') sets.add(name);
  }
  const short = (iri) => names.get(iri) ?? iri;
  const graph = {};
  const node = (t) => {
    const id = t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
    return (graph[id] ??= { '@id': id });
  };
  const ofType = {};
  for (const quad of store.getQuads(null, null, null, null)) {
    const subject = node(quad.subject);
    if (quad.predicate.value === RDF_TYPE) {
      const type = short(quad.object.value);
      (subject['@type'] ??= []).push(type);
      (ofType[type] ??= []).push(subject);
      continue;
    }
    const key = short(quad.predicate.value);
    const o = quad.object;
    const value = o.termType === 'Literal' ? (o.datatype.value === XSD_INTEGER ? Number(o.value) : o.value) : node(o);
    const known = names.has(quad.predicate.value);
    if (!known || sets.has(key)) (subject[key] ??= []).push(value);
    else if (key in subject) throw new Error(`Found multiple objects for ${key}`);
    else subject[key] = value;
  }
  // api:resultOrder is an RDF list; apps get it as an array of the statements.
  for (const summary of ofType.ResponseSummary ?? []) {
    let cell = summary.resultOrder;
    if (!cell || typeof cell !== 'object') continue;
    const order = [];
    while (cell && cell['@id'] !== RDF_NIL) {
      const first = cell.rdf__first ?? cell[RDF_FIRST]?.[0];
      if (first) order.push(first);
      cell = cell.rdf__rest ?? cell[RDF_REST]?.[0];
    }
    summary.resultOrder = order;
  }
  return { '@graph': graph, '@context': context, of_type: ofType };
}
