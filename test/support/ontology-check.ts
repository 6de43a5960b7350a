// The checks the original API Verifier generated from smart.owl (data-model.md §4.3), written from
// the ontology itself: for every node of a class in a response graph, the cardinality, range,
// code-class, fixed-unit and enumeration restrictions of that class and its superclasses, walking
// recursively into the components it reaches. Plus the wire rules of §7 that the JS client
// enforces: plain literals, no empty ones, typed nodes, code nodes with exactly two types and one
// title, and no repeated value on a property the JSON-LD context treats as single-valued.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad_Object, Quad_Subject, Store, Term } from 'n3';
import { paths } from '../../server/paths.js';
import { NS, namedNode, parseRdfXml } from './rdf.js';

interface Rule {
  property: string;
  min: number;
  max: number;
  range?: string;
  codeClass?: string;
  unit?: string;
}

export class Ontology {
  private readonly rules = new Map<string, Rule[]>();
  /** Enumerated code classes → members' URI → lower-cased title. */
  readonly enumerations = new Map<string, Map<string, string>>();
  /** Predicates the JSON-LD context lets repeat (`@container: @set`), and all it names. */
  readonly repeatable = new Set<string>();
  readonly known = new Set<string>();

  private constructor(private readonly owl: Store) {
    for (const quad of owl.getQuads(null, namedNode(`${NS.rdf}type`), null, null)) {
      const cls = quad.object.value;
      if (!cls.startsWith(NS.spcode) || quad.subject.termType !== 'NamedNode') continue;
      const title = owl.getObjects(quad.subject, namedNode(`${NS.dcterms}title`), null)[0]?.value;
      if (title === undefined) continue;
      if (!this.enumerations.has(cls)) this.enumerations.set(cls, new Map());
      this.enumerations.get(cls)!.set(quad.subject.value, title.toLowerCase());
    }
    const context = JSON.parse(readFileSync(join(paths.root, 'server', 'ontology', 'smart-jsonld-context.json'), 'utf8')) as Record<string, { '@id'?: string; '@container'?: string }>;
    for (const term of Object.values(context)) {
      if (!term['@id']) continue;
      this.known.add(term['@id']);
      if (term['@container'] === '@set') this.repeatable.add(term['@id']);
    }
  }

  static async load(): Promise<Ontology> {
    // One rdfs:comment carries an invalid xml:lang attribute that strict parsers reject (§2.21);
    // drop it in this in-memory copy.
    const text = readFileSync(join(paths.root, 'server', 'ontology', 'smart.owl'), 'utf8').replace(/ xml:lang="[^"]*\s[^"]*"/g, '');
    return new Ontology(await parseRdfXml(text));
  }

  private one(subject: Quad_Subject | Quad_Object, predicate: string): Term | undefined {
    return this.owl.getObjects(subject as Quad_Subject, namedNode(predicate), null)[0];
  }

  /** The restrictions on a class, inherited ones included, merged per property. */
  rulesOf(cls: string): Rule[] {
    const cached = this.rules.get(cls);
    if (cached) return cached;
    const merged = new Map<string, Rule>();
    const visit = (c: string) => {
      for (const parent of this.owl.getObjects(namedNode(c), namedNode(`${NS.rdfs}subClassOf`), null)) {
        if (parent.termType === 'NamedNode') {
          visit(parent.value);
          continue;
        }
        const property = this.one(parent as Quad_Object, `${NS.owl}onProperty`)?.value;
        if (!property) continue;
        const rule = merged.get(property) ?? { property, min: 0, max: Infinity };
        const cardinality = this.one(parent as Quad_Object, `${NS.owl}cardinality`);
        const minimum = this.one(parent as Quad_Object, `${NS.owl}minCardinality`);
        const maximum = this.one(parent as Quad_Object, `${NS.owl}maxCardinality`);
        if (cardinality) rule.min = rule.max = Number(cardinality.value);
        if (minimum) rule.min = Math.max(rule.min, Number(minimum.value));
        if (maximum) rule.max = Math.min(rule.max, Number(maximum.value));
        const all = this.one(parent as Quad_Object, `${NS.owl}allValuesFrom`);
        if (all?.termType === 'NamedNode') {
          if (all.value !== `${NS.rdfs}Literal`) rule.range = all.value;
        } else if (all) {
          const inner = this.one(all as Quad_Object, `${NS.owl}onProperty`)?.value;
          if (inner === `${NS.sp}code`) rule.codeClass = this.one(all as Quad_Object, `${NS.owl}allValuesFrom`)?.value;
          if (inner === `${NS.sp}unit`) rule.unit = this.one(all as Quad_Object, `${NS.owl}hasValue`)?.value;
        }
        merged.set(property, rule);
      }
    };
    visit(cls);
    const rules = [...merged.values()];
    this.rules.set(cls, rules);
    return rules;
  }
}

const short = (uri: string) =>
  Object.entries(NS).reduce((s, [prefix, ns]) => (s.startsWith(ns) ? `${prefix}:${s.slice(ns.length)}` : s), uri);

/** Checks every node of `cls` in the graph; returns human-readable failures. */
export function checkClass(ontology: Ontology, graph: Store, cls: string): string[] {
  const failures: string[] = [];
  const seen = new Set<string>();
  const typesOf = (node: Term) => graph.getObjects(node as Quad_Subject, namedNode(`${NS.rdf}type`), null).map((t) => t.value);
  const walk = (node: Term, c: string) => {
    const key = `${node.value}|${c}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const rule of ontology.rulesOf(c)) {
      const values = graph.getObjects(node as Quad_Subject, namedNode(rule.property), null);
      const where = `${short(c)} ${node.termType === 'BlankNode' ? '(blank)' : node.value}`;
      if (values.length < rule.min) failures.push(`${where} must have at least ${rule.min} ${short(rule.property)}`);
      if (values.length > rule.max) failures.push(`${where} has ${values.length} ${short(rule.property)}, at most ${rule.max} allowed`);
      for (const value of values) {
        // The verifier only requires sp:belongsTo to exist: the record node itself is never sent.
        if (rule.range && rule.property !== `${NS.sp}belongsTo`) {
          if (value.termType === 'Literal') failures.push(`${where}: ${short(rule.property)} must be a ${short(rule.range)} node, not a literal`);
          else if (!typesOf(value).includes(rule.range)) failures.push(`${where}: ${short(rule.property)} must be of type ${short(rule.range)}`);
          else walk(value, rule.range);
        }
        if (rule.unit !== undefined) {
          const unit = graph.getObjects(value as Quad_Subject, namedNode(`${NS.sp}unit`), null)[0]?.value;
          if (unit !== rule.unit) failures.push(`${where}: ${short(rule.property)} unit should be "${rule.unit}", got "${unit}"`);
        }
        if (rule.codeClass) {
          const code = graph.getObjects(value as Quad_Subject, namedNode(`${NS.sp}code`), null)[0];
          if (!code) continue;
          const types = typesOf(code);
          if (!types.includes(rule.codeClass) || !types.includes(`${NS.sp}Code`) || types.length !== 2) {
            failures.push(`${where}: code ${code.value} of ${short(rule.property)} must be typed exactly sp:Code and ${short(rule.codeClass)}, has ${types.map(short).join(', ')}`);
          }
          const members = ontology.enumerations.get(rule.codeClass);
          if (members) {
            const title = graph.getObjects(code as Quad_Subject, namedNode(`${NS.dcterms}title`), null)[0]?.value.toLowerCase();
            if (members.get(code.value) !== title) failures.push(`${where}: ${code.value} "${title}" is not a valid ${short(rule.codeClass)}`);
          }
        }
      }
    }
  };
  for (const node of graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(cls), null)) walk(node, cls);
  return failures;
}

/** The wire rules of data-model.md §7 over a whole response. */
export function checkWireRules(ontology: Ontology, graph: Store, xml: string): string[] {
  const failures: string[] = [];
  if (/xml:lang/.test(xml)) failures.push('xml:lang must not appear');
  if (/<!\[CDATA\[/.test(xml)) failures.push('CDATA must not appear');
  for (const quad of graph.getQuads(null, null, null, null)) {
    for (const term of [quad.subject, quad.object]) {
      if (term.termType === 'NamedNode' && !/^(https?|urn):/.test(term.value)) failures.push(`relative or odd URI ${term.value}`);
    }
    const o = quad.object;
    if (o.termType === 'Literal') {
      if (o.language) failures.push(`literal with a language tag on ${short(quad.predicate.value)}`);
      const datatype = o.datatype.value;
      if (datatype !== `${NS.xsd}string` && !(datatype === `${NS.xsd}integer` && quad.predicate.value.startsWith(NS.api))) failures.push(`typed literal ${datatype} on ${short(quad.predicate.value)}`);
      if (o.value === '') failures.push(`empty literal on ${short(quad.predicate.value)}`);
    }
  }
  // Every node that is the object of a property, other than literals and code-list URIs, is typed.
  for (const quad of graph.getQuads(null, null, null, null)) {
    if (quad.object.termType === 'BlankNode' && graph.getObjects(quad.object, namedNode(`${NS.rdf}type`), null).length === 0) {
      failures.push(`untyped blank node under ${short(quad.predicate.value)}`);
    }
  }
  // Code nodes: one title, system and identifier; URI = system + identifier; exactly two types.
  for (const code of graph.getSubjects(namedNode(`${NS.rdf}type`), namedNode(`${NS.sp}Code`), null)) {
    if (code.termType !== 'NamedNode') continue;
    const get = (p: string) => graph.getObjects(code, namedNode(p), null).map((t) => t.value);
    const [titles, systems, identifiers] = [get(`${NS.dcterms}title`), get(`${NS.sp}system`), get(`${NS.dcterms}identifier`)];
    if (titles.length !== 1 || systems.length !== 1 || identifiers.length !== 1) failures.push(`code ${code.value} has ${titles.length} titles, ${systems.length} systems, ${identifiers.length} identifiers`);
    else if (systems[0]! + identifiers[0]! !== code.value) failures.push(`code ${code.value} is not its system + identifier`);
    if (get(`${NS.rdf}type`).length !== 2) failures.push(`code ${code.value} has ${get(`${NS.rdf}type`).length} types`);
  }
  // The JS client rejects a call if a single-valued term of its (0.5) context repeats on a node;
  // terms it does not know (0.6 additions) become arrays and may repeat.
  for (const subject of graph.getSubjects(null, null, null)) {
    const counts = new Map<string, number>();
    for (const quad of graph.getQuads(subject, null, null, null)) counts.set(quad.predicate.value, (counts.get(quad.predicate.value) ?? 0) + 1);
    for (const [predicate, count] of counts) {
      if (count > 1 && predicate !== `${NS.rdf}type` && ontology.known.has(predicate) && !ontology.repeatable.has(predicate)) {
        failures.push(`${short(predicate)} repeats ${count} times on ${subject.value}`);
      }
    }
  }
  return failures;
}
