/**
 * A GeoReport v2 client written only from the spec (http://wiki.open311.org/GeoReport_v2
 * and Service_Discovery): it finds the endpoint through discovery.xml, speaks
 * XML only, POSTs application/x-www-form-urlencoded; charset=utf-8 as the
 * spec's example request does, and reads the error array. It knows nothing of
 * this server beyond the discovery URL, a jurisdiction and an api_key.
 */
import { XMLParser } from 'fast-xml-parser';

/** Every list item of the spec's documents: always an array, even with one item. */
const lists = new Set(['endpoint', 'format', 'service', 'attribute', 'value', 'request', 'error', 'request_update']);
const parser = new XMLParser({ isArray: (name) => lists.has(name), parseTagValue: false, trimValues: true });

export interface Answer<T> {
  status: number;
  contentType: string | null;
  xml: string;
  doc: T;
}

export type Item = Record<string, string | undefined>;

export class SpecClient {
  endpoint = '';

  constructor(
    private readonly discoveryUrl: string,
    private readonly jurisdictionId: string,
    private readonly apiKey = '',
  ) {}

  private async read<T>(res: Response): Promise<Answer<T>> {
    const xml = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type'), xml, doc: parser.parse(xml) as T };
  }

  /** Service discovery: the first production GeoReport v2 endpoint offering text/xml. */
  async discover() {
    const answer = await this.read<{ discovery: { endpoints: { endpoint: { specification: string; url: string; type: string; formats: { format: string[] } }[] } } }>(
      await fetch(`${this.discoveryUrl}?jurisdiction_id=${encodeURIComponent(this.jurisdictionId)}`),
    );
    const endpoint = answer.doc.discovery.endpoints.endpoint.find(
      (e) => e.specification === 'http://wiki.open311.org/GeoReport_v2' && e.type === 'production' && e.formats.format.includes('text/xml'),
    );
    if (!endpoint) throw new Error('no production GeoReport v2 endpoint with text/xml');
    this.endpoint = endpoint.url;
    return answer;
  }

  private get(path: string, query: Record<string, string> = {}) {
    const params = new URLSearchParams({ jurisdiction_id: this.jurisdictionId, ...query });
    return fetch(`${this.endpoint}/${path}?${params}`).then((r) => this.read<Record<string, any>>(r));
  }

  services() {
    return this.get('services.xml');
  }

  definition(serviceCode: string) {
    return this.get(`services/${encodeURIComponent(serviceCode)}.xml`);
  }

  /** POST Service Request: the spec's form, api_key and jurisdiction_id in the body; attributes as attribute[code]=value. */
  create(fields: Record<string, string>, attributes: Record<string, string> = {}) {
    const body = new URLSearchParams({ api_key: this.apiKey, jurisdiction_id: this.jurisdictionId, ...fields });
    for (const [code, value] of Object.entries(attributes)) body.append(`attribute[${code}]`, value);
    return fetch(`${this.endpoint}/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: body.toString(),
    }).then((r) => this.read<Record<string, any>>(r));
  }

  request(id: string) {
    return this.get(`requests/${encodeURIComponent(id)}.xml`);
  }

  requests(query: Record<string, string> = {}) {
    return this.get('requests.xml', query);
  }

  token(token: string) {
    return this.get(`tokens/${encodeURIComponent(token)}.xml`);
  }

  /** FixMyStreet's POST servicerequestupdates, as its client sends a comment (perllib/Open311.pm: a url-encoded form, api_key and jurisdiction_id added). */
  postUpdate(fields: Record<string, string>) {
    const body = new URLSearchParams({ jurisdiction_id: this.jurisdictionId, api_key: this.apiKey, ...fields });
    return fetch(`${this.endpoint}/servicerequestupdates.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: body.toString(),
    }).then((r) => this.read<Record<string, any>>(r));
  }

  /** FixMyStreet's extension, as its client asks for it (with its api_key). */
  updates(startDate: string, endDate: string) {
    return this.get('servicerequestupdates.xml', { api_key: this.apiKey, start_date: startDate, end_date: endDate });
  }
}

/**
 * The element structure of an XML document: the root's name, and for each
 * element its child element names in order (the first of each list item
 * only), text left out. Two documents "follow the same example" when their
 * shapes are equal.
 */
export function shapeOf(xml: string): unknown {
  const ordered = new XMLParser({ preserveOrder: true, ignoreDeclaration: true, ignoreAttributes: true }).parse(xml) as Node[];
  return ordered.filter((n) => !('#text' in n)).map(shapeOfNode);
}

type Node = Record<string, Node[] | string>;

function shapeOfNode(node: Node): unknown {
  const name = Object.keys(node)[0];
  const children = (node[name] as Node[]).filter((c) => !('#text' in c));
  const seen = new Set<string>();
  const firsts = children.filter((c) => {
    const n = Object.keys(c)[0];
    if (seen.has(n)) return false;
    seen.add(n);
    return true;
  });
  return firsts.length ? { [name]: firsts.map(shapeOfNode) } : name;
}
