/**
 * GeoReport v2's XML: the spec defines JSON as the Spark-convention mapping
 * of its XML (http://wiki.open311.org/JSON_and_XML_Conversion), so each XML
 * document here is built from the very JSON value the .json route answers:
 * an array becomes a list element whose children are named by the singular
 * below (service_requests -> request), an object's keys become elements in
 * their order, null an empty element (`<account_id/>`, as in the spec's POST
 * example), true/false and numbers their text. Element names are only ours
 * (the keys of our views); all text, user data included, goes through
 * fast-xml-parser's XMLBuilder, which escapes it. No I/O.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** The list elements of GeoReport v2 (and FixMyStreet's updates extension), each with the name of one item. */
const itemNames: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests_updates: 'request_update',
  service_request_updates: 'request_update',
};

export type XmlRoot = keyof typeof itemNames | 'discovery' | 'service_definition';

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

/** Characters XML 1.0 cannot carry at all (not even escaped): C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must be found and replaced
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const textOf = (v: string | number | boolean): string => (typeof v === 'string' ? v.replace(NOT_XML, '\uFFFD') : String(v));

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

function nodeOf(value: Json, name: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`open311 xml: no item name for the list ${name}`);
    return value.length ? { [item]: value.map((v) => nodeOf(v, item)) } : '';
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nodeOf(v, k);
    return out;
  }
  return textOf(value);
}

/** The XML document for a GeoReport answer: `root` names the outer element (services, service_requests, errors, ...). */
export function toGeoReportXml(root: XmlRoot, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: nodeOf(value as Json, root) }) as string}`;
}

/**
 * One item of a list document, ready to be joined (a long list is assembled
 * from items built once each): the item element indented as inside its root.
 */
export function toGeoReportXmlItem(root: XmlRoot, value: unknown): string {
  if (!itemNames[root]) throw new Error(`open311 xml: ${root} is not a list`);
  // The one-item document, cut to its item: the indentation is the builder's own (a text's line breaks stay as they are).
  const whole = toGeoReportXml(root, [value]);
  const head = `<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n`;
  return whole.slice(head.length, whole.length - `\n</${root}>\n`.length);
}

/** A list document from items of toGeoReportXmlItem: the same text toGeoReportXml makes of the whole list. */
export function toGeoReportXmlOfItems(root: XmlRoot, items: readonly string[]): string {
  if (items.length === 0) return toGeoReportXml(root, []);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n${items.join('\n')}\n</${root}>\n`;
}

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';
