/**
 * Real message receivers on loopback for the notification tests: a WhatsApp
 * Cloud API that checks the documented request shape (and, like Meta, knows
 * the approved templates and renders them), a local SMS gateway, and an SMTP
 * server (smtp-server).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { defaultTemplates, placeholderOrder, reporterKinds } from '../../server/core/domain/messages.js';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** WhatsApp: what the reporter reads (the text, or the approved template filled in); null when the request's shape was wrong. */
  text: string | null;
  /** WhatsApp: why the shape was refused. */
  problem?: string;
}

/** The approved template name of a kind (as the tests register them with Meta and in the channel's settings). */
export const approvedName = (kind: string) => kind.replace(/\./g, '_');

/** The channel setting that names every reporter kind's approved template, in both languages. */
export const approvedTemplates = Object.fromEntries(reporterKinds.map((k) => [k, { id: approvedName(k), en: approvedName(k) }]));

/** Meta's side: each approved template is the default text with {{1}}, {{2}}, ... for its placeholders in order. */
const approved = new Map(
  reporterKinds.flatMap((k) =>
    (['id', 'en'] as const).map((lang) => {
      const body = defaultTemplates[k][lang].body;
      const order = placeholderOrder(body);
      return [`${approvedName(k)}/${lang}` as string, body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, p: string) => `{{${order.indexOf(p) + 1}}}`)] as const;
    }),
  ),
);

/** The Cloud API's documented message: text, or template {name, language:{code}, components:[{type:'body', parameters:[{type:'text', text}]}]}. */
function whatsappText(body: string): { text: string | null; problem?: string } {
  const m = JSON.parse(body);
  if (m.messaging_product !== 'whatsapp' || m.recipient_type !== 'individual' || !/^62\d+$/.test(m.to)) return { text: null, problem: 'envelope' };
  if (m.type === 'text') {
    const keys = Object.keys(m).sort().join(',');
    if (keys !== 'messaging_product,recipient_type,text,to,type' || typeof m.text?.body !== 'string') return { text: null, problem: `text keys ${keys}` };
    return { text: m.text.body };
  }
  if (m.type !== 'template') return { text: null, problem: `type ${m.type}` };
  const t = m.template;
  const approvedBody = approved.get(`${String(t?.name)}/${String(t?.language?.code)}`);
  if (!approvedBody) return { text: null, problem: `no approved template ${t?.name}/${t?.language?.code}` };
  const wanted = new Set([...approvedBody.matchAll(/\{\{(\d+)\}\}/g)].map((x) => x[1])).size;
  const body0 = (t.components ?? []).find((c: { type: string }) => c.type === 'body');
  const params: { type: string; text: string }[] = body0?.parameters ?? [];
  if (params.length !== wanted || params.some((p) => p.type !== 'text' || typeof p.text !== 'string' || p.text === '')) return { text: null, problem: `parameters ${JSON.stringify(params)} for ${wanted}` };
  return { text: approvedBody.replace(/\{\{(\d+)\}\}/g, (_, n: string) => params[Number(n) - 1].text) };
}

/** A loopback HTTP server: WhatsApp Cloud API at /v21.0/<id>/messages, a local SMS gateway at /sms. Answers per a script of statuses. */
export async function startProviders() {
  const whatsapp: Received[] = [];
  const sms: Received[] = [];
  const script: Record<string, number[]> = { whatsapp: [], sms: [] };
  /** While set, answers wait for it (a send in flight the test can look at); `arrived` hears of each request first. */
  const hold: { until: Promise<void> | null; arrived: (() => void) | null } = { until: null, arrived: null };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      hold.arrived?.();
      if (hold.until) await hold.until;
      const body = Buffer.concat(chunks).toString('utf8');
      const which = (req.url ?? '').startsWith('/sms') ? 'sms' : 'whatsapp';
      const shape = which === 'whatsapp' ? whatsappText(body) : { text: null };
      const r: Received = { path: req.url ?? '', headers: req.headers, body, ...shape };
      (which === 'sms' ? sms : whatsapp).push(r);
      res.statusCode = r.problem ? 400 : (script[which].shift() ?? 200);
      res.setHeader('content-type', 'application/json');
      res.end(which === 'whatsapp' ? JSON.stringify(r.problem ? { error: { message: r.problem, code: 100 } } : { messaging_product: 'whatsapp', contacts: [{ wa_id: '1' }], messages: [{ id: `wamid.${whatsapp.length}` }] }) : '{"status":"queued"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    whatsapp,
    sms,
    script,
    hold,
    /** What one number read on WhatsApp, in order. */
    whatsappTo: (waId: string) => whatsapp.filter((r) => JSON.parse(r.body).to === waId).map((r) => r.text),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function startSmtp() {
  const mails: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The text of a mail body: quoted-printable soft breaks joined, =XX decoded. */
export const mailText = (raw: string) =>
  Buffer.from(
    raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
