// RDF/XML text building blocks. Output follows data-model.md §1.7 and §7: one `rdf:RDF` root with
// the SMART prefixes, plain literals only (no xml:lang, no datatypes except the summary counters),
// never an empty literal, one text node per literal, absolute URIs everywhere.

export const NAMESPACES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  sp: 'http://smartplatforms.org/terms#',
  spcode: 'http://smartplatforms.org/terms/codes/',
  api: 'http://smartplatforms.org/terms/api#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  v: 'http://www.w3.org/2006/vcard/ns#',
} as const;

export const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';

export const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF' +
  Object.entries(NAMESPACES)
    .map(([prefix, uri]) => `\n  xmlns:${prefix}="${uri}"`)
    .join('') +
  '>\n';
export const DOCUMENT_TAIL = '</rdf:RDF>\n';
export const EMPTY_DOCUMENT = `${DOCUMENT_HEAD}${DOCUMENT_TAIL}`;

// XML 1.0 cannot carry most C0 control characters at all; drop them rather than emit a document
// that no parser accepts.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function text(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

/** `<name>text</name>`, or nothing for an absent or empty value (empty literals break rdfQuery). */
export function literal(name: string, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return `<${name}>${text(value)}</${name}>`;
}

export const resource = (name: string, uri: string): string => `<${name} rdf:resource="${attr(uri)}"/>`;
