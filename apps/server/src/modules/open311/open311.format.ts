import type { FastifyReply } from 'fastify';

/**
 * GeoReport v2 output. A document is plain data (objects, arrays, strings, numbers, booleans, null); JSON is that
 * data as is, XML names each array's items by the element the specification gives them.
 */
export type Format = 'json' | 'xml';
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** The item element of each array the specification's XML has. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** XML 1.0 allows no C0 control characters but tab, newline and carriage return (nor lone surrogates, U+FFFE/F). */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The document under its root element (`services`, `service_requests`, `service_definition` …). */
export function toXml(root: string, value: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

export function render(format: Format, root: string, value: Value): string {
  return format === 'xml' ? toXml(root, value) : JSON.stringify(value);
}

export function send(reply: FastifyReply, format: Format, root: string, value: Value, status = 200) {
  return reply
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(render(format, root, value));
}

/** `requests.xml` → xml; a resource with any other ending is not one of ours. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

/** The format an error answers in: the one the URL asked for, JSON when it asked for none we know. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}
