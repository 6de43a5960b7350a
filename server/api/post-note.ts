// POST /records/{id}/clinical_notes/: the body is RDF/XML describing one sp:ClinicalNote without
// sp:belongsTo (data-model.md §2.13). We read the note's fields into our own shape; the server
// assigns the id. Unparsable RDF is a 400, a note for another record a 409 (protocol.md §3.6).
import { randomUUID } from 'node:crypto';
import { BadRequest, HttpError } from '../http/errors.js';
import type { ClinicalNote, Provider } from '../world/types.js';
import { NAMESPACES } from './rdf/xml.js';

interface Triple {
  s: string;
  p: string;
  o: string;
  literal: boolean;
}

async function parse(body: string): Promise<Triple[]> {
  // Loaded on first use: posting notes is rare and the parser costs start-up time.
  const { RdfXmlParser } = await import('rdfxml-streaming-parser');
  return new Promise((resolve, reject) => {
    const triples: Triple[] = [];
    const parser = new RdfXmlParser({ baseIRI: 'http://smart-sandbox.invalid/posted/' });
    parser.on('data', (q: { subject: { value: string; termType: string }; predicate: { value: string }; object: { value: string; termType: string } }) =>
      triples.push({ s: `${q.subject.termType === 'BlankNode' ? '_:' : ''}${q.subject.value}`, p: q.predicate.value, o: `${q.object.termType === 'BlankNode' ? '_:' : ''}${q.object.value}`, literal: q.object.termType === 'Literal' }),
    );
    parser.on('error', reject);
    parser.on('end', () => resolve(triples));
    parser.write(body);
    parser.end();
  });
}

const { rdf, sp, dcterms, rdfs, v } = NAMESPACES;

export async function parsePostedNote(body: Buffer, contentType: string, recordUri: string): Promise<ClinicalNote> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/rdf+xml' && type !== '' && type !== 'application/xml' && type !== 'text/xml') {
    throw new HttpError(415, `Post the note as application/rdf+xml, not ${type}.`);
  }
  let triples: Triple[];
  try {
    triples = await parse(body.toString('utf8'));
  } catch (err) {
    throw new BadRequest(`The body is not valid RDF/XML: ${(err as Error).message}`);
  }
  const objects = (s: string, p: string) => triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
  const one = (s: string | undefined, p: string) => (s === undefined ? undefined : objects(s, p)[0]);
  const notes = triples.filter((t) => t.p === `${rdf}type` && t.o === `${sp}ClinicalNote`).map((t) => t.s);
  if (notes.length !== 1) throw new BadRequest(`The body must describe exactly one sp:ClinicalNote; it describes ${notes.length}.`);
  const subject = notes[0]!;
  for (const owner of objects(subject, `${sp}belongsTo`)) {
    if (owner !== recordUri) throw new HttpError(409, `The note says it belongs to ${owner}, but it was posted to ${recordUri}. Leave sp:belongsTo out; the server sets it.`);
  }
  const date = one(subject, `${dcterms}date`);
  if (!date) throw new BadRequest('The note needs a dcterms:date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).');
  const content = one(one(subject, `${sp}resource`), `${sp}content`);
  const value = one(content, `${sp}value`);
  if (value === undefined || value === '') throw new BadRequest('The note needs its text in sp:resource/sp:Resource/sp:content/sp:Content/sp:value.');
  const encoding = one(content, `${sp}encoding`) ?? 'UTF-8';
  const text = /^base64$/i.test(encoding) ? Buffer.from(value, 'base64').toString('utf8') : value;
  const format = one(one(subject, `${dcterms}format`), `${rdfs}label`) ?? 'text/plain';
  const note: ClinicalNote = { id: randomUUID(), date, format, text };
  const title = one(subject, `${dcterms}title`);
  if (title) note.title = title;
  const name = one(one(subject, `${sp}provider`), `${v}n`);
  const given = one(name, `${v}given-name`);
  const family = one(name, `${v}family-name`);
  if (given && family) {
    const provider: Provider = { givenName: given, familyName: family, npi: one(one(subject, `${sp}provider`), `${sp}npiNumber`) ?? '' };
    note.provider = provider;
  }
  return note;
}
