import nodemailer from 'nodemailer';

/**
 * The channels behind one interface: a Sender takes one rendered message to
 * one address and answers with the provider's message id, or throws. Which
 * provider serves which channel is the utility's configuration
 * (notification_channels); nothing here knows about tickets.
 *
 * - smtp: e-mail through any SMTP server (nodemailer);
 * - whatsapp_cloud: the WhatsApp Business Cloud API, POST
 *   {baseUrl}/{apiVersion}/{phoneNumberId}/messages with a Bearer token and
 *   {"messaging_product":"whatsapp","recipient_type":"individual","to":"62...","type":"text","text":{...}}
 *   inside the 24-hour customer-service window, and outside it an approved
 *   template: "type":"template","template":{"name","language":{"code"},
 *   "components":[{"type":"body","parameters":[{"type":"text","text"}...]}]};
 * - http_gateway: a local SMS/WhatsApp gateway: POST (or GET) to a URL with one
 *   auth header and a body template ({{to}}, {{toLocal}}, {{body}}, {{subject}}, {{id}}),
 *   because Indonesian utilities use local providers with their own shapes.
 */
export interface OutgoingMessage {
  /** E.164 phone (+62...) or e-mail address. */
  to: string;
  subject: string;
  body: string;
  /** Stable per delivery: providers that accept one drop a second send of the same message. */
  idempotencyKey: string;
  /** WhatsApp Cloud API outside the 24-hour window: the approved template to send instead of the text. */
  template?: WhatsappTemplate | null;
}

export interface WhatsappTemplate {
  name: string;
  /** The template's language code as approved (id, en, en_US). */
  language: string;
  /** The body's {{1}}, {{2}}, ... in order. */
  parameters: string[];
}

export interface SendResult {
  providerRef: string | null;
}

export interface Sender {
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): void;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
}

export interface WhatsappCloudConfig {
  /** https://graph.facebook.com by default; tests point it at a loopback receiver. */
  baseUrl?: string;
  apiVersion?: string;
  phoneNumberId: string;
  accessToken: string;
  /**
   * The approved template per message kind and language, for messages outside
   * the 24-hour window: { "ticket.received": { "id": "laporan_diterima", "en": "report_received" } }.
   * Each mirrors the utility's text, its {{1}}, {{2}}, ... standing for the text's placeholders in order.
   */
  templates?: Record<string, Partial<Record<string, string>>>;
  /** Inbound webhook: the token Meta echoes in the verify handshake, and the app secret that signs each POST. */
  verifyToken?: string;
  appSecret?: string;
}

export interface HttpGatewayConfig {
  url: string;
  method?: 'POST' | 'GET';
  /** e.g. "Authorization" / "Bearer abc", or "X-API-Key" / "abc". */
  authHeaderName?: string;
  authHeaderValue?: string;
  contentType?: string;
  /** The request body with placeholders, JSON-escaped when the content type is JSON, URL-encoded for forms. */
  bodyTemplate: string;
  /** Inbound webhook (replies forwarded by the gateway): the shared secret it sends in X-Gateway-Secret. */
  inboundSecret?: string;
}

export type ProviderConfig =
  | { provider: 'smtp'; config: SmtpConfig }
  | { provider: 'whatsapp_cloud'; config: WhatsappCloudConfig }
  | { provider: 'http_gateway'; config: HttpGatewayConfig };

export class SendError extends Error {
  constructor(
    message: string,
    /** false: retrying cannot help (a refused address, a bad request). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/** +6281234 -> 6281234 (WhatsApp wants the number without +), 081234 for gateways that want the local form. */
const withoutPlus = (phone: string) => phone.replace(/^\+/, '');
const localForm = (phone: string) => phone.replace(/^\+62/, '0');

async function post(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    throw new SendError(`no answer from ${new URL(url).host}: ${(err as Error).message}`, true);
  }
  const text = await res.text();
  if (res.status >= 200 && res.status < 300) return { status: res.status, text };
  // 429 and 5xx may pass; any other 4xx will be refused again.
  throw new SendError(`HTTP ${res.status} from ${new URL(url).host}: ${text.slice(0, 200)}`, res.status === 429 || res.status >= 500);
}

function smtpSender(c: SmtpConfig): Sender {
  const transport = nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.secure ?? false,
    auth: c.user ? { user: c.user, pass: c.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({ from: c.from, to: m.to, subject: m.subject, text: m.body, messageId: `<${m.idempotencyKey}@tirta-dispatch>` });
        return { providerRef: info.messageId ?? null };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        throw new SendError(`SMTP: ${(err as Error).message}`, !(code && code >= 500 && code < 600));
      }
    },
    close: () => transport.close(),
  };
}

/** The Cloud API's message: free text, or the approved template with its body parameters. */
export function whatsappPayload(m: OutgoingMessage): Record<string, unknown> {
  const head = { messaging_product: 'whatsapp', recipient_type: 'individual', to: withoutPlus(m.to) };
  if (!m.template) return { ...head, type: 'text', text: { preview_url: false, body: m.body } };
  const { name, language, parameters } = m.template;
  // The Cloud API refuses an empty parameter: a value the message lacks goes as a dash.
  const body = parameters.length ? [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text: text || '-' })) }] : [];
  return { ...head, type: 'template', template: { name, language: { code: language }, components: body } };
}

function whatsappSender(c: WhatsappCloudConfig): Sender {
  const url = `${(c.baseUrl ?? 'https://graph.facebook.com').replace(/\/$/, '')}/${c.apiVersion ?? 'v21.0'}/${encodeURIComponent(c.phoneNumberId)}/messages`;
  return {
    async send(m) {
      const { text } = await post(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(whatsappPayload(m)),
      });
      try {
        return { providerRef: (JSON.parse(text) as { messages?: { id?: string }[] }).messages?.[0]?.id ?? null };
      } catch {
        return { providerRef: null };
      }
    },
  };
}

/** Fills the gateway's body template, escaping each value for the body's content type. */
export function gatewayBody(template: string, contentType: string, values: Record<string, string>): string {
  const escape = contentType.includes('json') ? (v: string) => JSON.stringify(v).slice(1, -1) : contentType.includes('x-www-form-urlencoded') ? encodeURIComponent : (v: string) => v;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => escape(values[k] ?? ''));
}

function gatewaySender(c: HttpGatewayConfig): Sender {
  const contentType = c.contentType ?? 'application/json';
  return {
    async send(m) {
      const values = { to: m.to, toPlain: withoutPlus(m.to), toLocal: localForm(m.to), body: m.body, subject: m.subject, id: m.idempotencyKey };
      const headers: Record<string, string> = { 'idempotency-key': m.idempotencyKey };
      if (c.authHeaderName) headers[c.authHeaderName.toLowerCase()] = c.authHeaderValue ?? '';
      const method = c.method ?? 'POST';
      let url = c.url;
      let body: string | undefined;
      if (method === 'GET') {
        url = gatewayBody(c.url, 'application/x-www-form-urlencoded', values);
      } else {
        headers['content-type'] = contentType;
        body = gatewayBody(c.bodyTemplate, contentType, values);
      }
      const { text } = await post(url, { method, headers, body });
      return { providerRef: text.slice(0, 200) || null };
    },
  };
}

export function createSender(p: ProviderConfig): Sender {
  switch (p.provider) {
    case 'smtp':
      return smtpSender(p.config);
    case 'whatsapp_cloud':
      return whatsappSender(p.config);
    case 'http_gateway':
      return gatewaySender(p.config);
  }
}
