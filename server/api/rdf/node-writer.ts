// Builds the XML of one node and the code nodes it references. The component shapes (CodedValue,
// ValueAndUnit, Provider, VitalSign, …) are blank nodes, always explicitly typed, as the API
// Verifier requires (data-model.md §1.3, §2.0).
import type { Code, Provider, Quantity, VitalSign } from '../../world/types.js';
import { codeNode, type CodeClass } from './codes.js';
import { attr, literal, resource } from './xml.js';

export interface Fragment {
  xml: string;
  /** Code URI → code node XML, written once per response. */
  codes: Map<string, string>;
}

export class NodeWriter {
  private readonly parts: string[] = [];
  readonly codes = new Map<string, string>();

  /** A literal property; skipped when the value is absent. */
  lit(name: string, value: string | undefined): this {
    this.parts.push(literal(name, value));
    return this;
  }

  res(name: string, uri: string): this {
    this.parts.push(resource(name, uri));
    return this;
  }

  raw(xml: string): this {
    this.parts.push(xml);
    return this;
  }

  /** `<prop><sp:CodedValue><dcterms:title/><sp:code rdf:resource/></sp:CodedValue></prop>` */
  coded(prop: string, cls: CodeClass, code: Code | undefined): this {
    if (!code) return this;
    const node = codeNode(cls, code);
    this.codes.set(node.uri, node.xml);
    this.parts.push(`<${prop}><sp:CodedValue>${literal('dcterms:title', code.title)}<sp:code rdf:resource="${attr(node.uri)}"/></sp:CodedValue></${prop}>`);
    return this;
  }

  quantity(prop: string, q: Quantity | undefined): this {
    if (!q) return this;
    this.parts.push(`<${prop}><sp:ValueAndUnit>${literal('sp:value', q.value)}${literal('sp:unit', q.unit)}</sp:ValueAndUnit></${prop}>`);
    return this;
  }

  provider(prop: string, p: Provider | undefined): this {
    if (!p) return this;
    this.parts.push(
      `<${prop}><sp:Provider><v:n><v:Name>${literal('v:given-name', p.givenName)}${literal('v:family-name', p.familyName)}</v:Name></v:n>${literal('sp:npiNumber', p.npi)}</sp:Provider></${prop}>`,
    );
    return this;
  }

  vital(prop: string, vital: VitalSign | undefined): this {
    if (!vital) return this;
    const inner = new NodeWriter().coded('sp:vitalName', 'VitalSign', vital.name);
    for (const [uri, xml] of inner.codes) this.codes.set(uri, xml);
    this.parts.push(`<${prop}><sp:VitalSign>${inner.body()}${literal('sp:value', vital.value)}${literal('sp:unit', vital.unit)}</sp:VitalSign></${prop}>`);
    return this;
  }

  body(): string {
    return this.parts.join('');
  }

  /** The finished statement: `<sp:Type rdf:about="uri">…</sp:Type>`. */
  statement(type: string, uri: string): Fragment {
    return { xml: `<${type} rdf:about="${attr(uri)}">${this.body()}</${type}>\n`, codes: this.codes };
  }
}

