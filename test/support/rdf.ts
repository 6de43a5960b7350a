// Parsing RDF/XML responses into an N3 store with a real RDF parser (rdfxml-streaming-parser).
import { Store, DataFactory } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  sp: 'http://smartplatforms.org/terms#',
  spcode: 'http://smartplatforms.org/terms/codes/',
  api: 'http://smartplatforms.org/terms/api#',
  dcterms: 'http://purl.org/dc/terms/',
  v: 'http://www.w3.org/2006/vcard/ns#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export const { namedNode } = DataFactory;

export function parseRdfXml(xml: string): Promise<Store> {
  return new Promise((resolve, reject) => {
    const store = new Store();
    // An empty base: like the Java client, any relative URI would stay relative and show up.
    const parser = new RdfXmlParser();
    parser.on('data', (quad) => store.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(store));
    parser.write(xml);
    parser.end();
  });
}
