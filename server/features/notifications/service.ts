import type { Runner, Tx, Db } from '../../platform/db/knex.js';
import { createSender, SendError, type ProviderConfig, type Sender, type WhatsappCloudConfig, type WhatsappTemplate } from '../../platform/messaging/senders.js';
import { localDateTime } from '../../core/domain/time.js';
import { statusLabels } from '../../core/domain/labels.js';
import type { Role, TicketStatus } from '../../core/domain/tickets.js';
import { defaultSettings, type UtilitySettings } from '../../core/domain/settings.js';
import {
  addressOf,
  afterQuietHours,
  backoffSeconds,
  defaultTemplates,
  digestDueAt,
  isMessageKind,
  isOptOutReply,
  languages,
  messageKinds,
  placeholderExamples,
  placeholders,
  placeholderOrder,
  renderMessage,
  renderText,
  isKeywordReply,
  reporterKinds,
  unknownPlaceholders,
  reporterChannelOf,
  type Language,
  type MessageKind,
  type MessageText,
  type OutboundChannel,
} from '../../core/domain/messages.js';
import { findUtilityById, type Utility } from '../utilities/service.js';
import { checkWebhookUrl } from '../webhooks/targets.js';
import { validationError } from '../../core/domain/errors.js';
import {
  channelRows,
  claimPendingEvents,
  deleteChannel,
  deleteTemplate,
  firstReplyByChannel,
  optOutPhone,
  requeueFailed,
  upsertChannel,
  upsertTemplate,
  insertDeliveries,
  insertEvents,
  insertInboxItem,
  leaseDueDeliveries,
  leaseDueDigests,
  lastInboundAt,
  redactEventSecret,
  utilitiesWithDueDeliveries,
  optInPhone,
  recordInbound,
  markFannedOut,
  recordAttempt,
  reporterFacts,
  staffRecipients,
  templateOverrides,
  ticketSummary,
  incidentFacts,
  incidentTicketIds,
  type ClaimedDelivery,
  type NewDelivery,
  type NewNotificationEvent,
  type PendingEvent,
} from './repository.js';

/**
 * The notification outbox (issue 12): one path for every message, staff or
 * citizen.
 *
 * 1. Enqueue, in the caller's transaction: `enqueueNotification` (the
 *    escalation scan, incidents, other slices) and `recordTicketSteps` (the
 *    ticket writer's hook: each step a reporter or staff member hears of).
 *    The event commits or rolls back with the change that caused it.
 * 2. Fan out (worker, per utility, events locked SKIP LOCKED): each event
 *    becomes deliveries, one per channel and recipient, rendered from the
 *    utility's templates in the recipient's language, due at once, after the
 *    quiet hours, or with the next digest. UNIQUE (event, channel, recipient).
 * 3. Deliver (worker): due deliveries are leased (SKIP LOCKED, committed),
 *    sent, and settled with the attempt logged; a failure retries with
 *    back-off until maxAttempts, then shows as failed to the admin.
 *
 * Exactly once: a delivery row exists once per event, channel and recipient,
 * and only the worker holding its lease sends it. A worker that dies after
 * the provider accepted a message but before it recorded so sends it again
 * when the lease ends (the idempotency key, the delivery id, lets providers
 * that honour one drop the second): at-least-once is the floor no outbox can
 * beat without the provider's help.
 */

export type NotificationEvent = NewNotificationEvent;

/** Writes one notification event in the caller's transaction; false when its source key was seen before. */
export async function enqueueNotification(tx: Runner, event: NotificationEvent): Promise<boolean> {
  return (await insertEvents(tx, [event])) === 1;
}

export async function enqueueNotifications(tx: Runner, events: readonly NotificationEvent[]): Promise<number> {
  return insertEvents(tx, events);
}

/** One ticket step as the ticket writer records it. */
export interface TicketStep {
  utilityId: number;
  ticketId: number;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  note?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/** The reporter's message for a step, when the reporter hears of it. */
function reporterKindOf(s: TicketStep): MessageKind | null {
  switch (s.action) {
    case 'report':
      return s.toStatus === 'attached' ? 'ticket.attached' : 'ticket.received';
    case 'issue_spk':
      return 'ticket.spk_issued';
    case 'assign':
      // The first crew on its way; a re-assignment or a plan's move is not news to the reporter.
      return s.fromStatus === 'spk_issued' ? 'ticket.assigned' : null;
    case 'fix':
      return 'ticket.fixed';
    case 'close':
      return 'ticket.closed';
    case 'reject':
      return 'ticket.rejected';
    case 'reopen':
      return 'ticket.re_reported';
    case 'attach':
      return 'ticket.attached';
    case 'restore':
      return 'incident.restored';
    default:
      return null;
  }
}

/**
 * The ticket writer's hook (features/tickets/repository.ts): the events of the
 * steps just written, in the same transaction. One INSERT for any number of steps.
 */
export async function recordTicketSteps(tx: Runner, steps: readonly TicketStep[]): Promise<void> {
  const events: NotificationEvent[] = [];
  for (const s of steps) {
    const kind = reporterKindOf(s);
    const data = s.action === 'reject' && typeof s.data?.publicReason === 'string' ? { publicReason: s.data.publicReason } : {};
    if (kind) events.push({ utilityId: s.utilityId, ticketId: s.ticketId, kind, audience: 'reporter', data, at: s.at });
    // A reopened or sent-back ticket: its crew hears (and, when the reporter reopened it, the admin).
    if (s.action === 'reopen' || s.action === 'return_to_crew') {
      events.push({
        utilityId: s.utilityId,
        ticketId: s.ticketId,
        kind: 'ticket.reopened',
        audience: 'staff',
        role: null,
        data: { toCrew: true, toRole: s.action === 'reopen', note: s.note ?? null },
        at: s.at,
      });
    }
  }
  await insertEvents(tx, events);
}

// ---------------------------------------------------------------- fan-out

const FAN_OUT_BATCH = 500;

type Templates = (kind: MessageKind, lang: Language) => MessageText;

async function templatesOf(db: Runner, utilityId: number): Promise<Templates> {
  const own = new Map((await templateOverrides(db, utilityId)).map((t) => [`${t.kind}/${t.lang}`, { subject: t.subject, body: t.body }]));
  return (kind, lang) => own.get(`${kind}/${lang}`) ?? defaultTemplates[kind][lang];
}

/** The outbound channels the utility can send on now. */
export async function availableChannels(db: Runner, utilityId: number): Promise<OutboundChannel[]> {
  return (await channelRows(db, utilityId)).filter((c) => c.active).map((c) => c.channel);
}

const priorityLabel = (p: string | null | undefined, lang: Language) =>
  ({ critical: { id: 'Kritis', en: 'Critical' }, high: { id: 'Tinggi', en: 'High' }, normal: { id: 'Normal', en: 'Normal' } })[p ?? '']?.[lang] ??
  (lang === 'id' ? 'belum ditentukan (target Normal)' : 'untriaged (Normal targets)');

function statusUrlOf(settings: UtilitySettings, utility: Utility, number: string): string {
  return settings.notifications.publicBaseUrl
    ? `${settings.notifications.publicBaseUrl.replace(/\/$/, '')}/#/status/${number}`
    : `/api/v1/reports/${number}?jurisdiction_id=${encodeURIComponent(utility.code)}`;
}

const publicRejectReason: Record<Language, string> = {
  id: 'laporan tidak dapat kami verifikasi sebagai kebocoran di wilayah layanan kami',
  en: 'we could not verify the report as a leak in our service area',
};

/** The values a message's placeholders take, in the recipient's language. */
async function valuesFor(db: Runner, utility: Utility, e: PendingEvent, lang: Language, name: string | null): Promise<Record<string, string | null>> {
  const tz = utility.timeZone;
  const local = (d: Date | string | null | undefined) => (d ? `${localDateTime(new Date(d), tz)} ${tz === 'Asia/Makassar' ? 'WITA' : tz === 'Asia/Jakarta' ? 'WIB' : tz === 'Asia/Jayapura' ? 'WIT' : tz}` : null);
  const s = utility.settings;
  const values: Record<string, string | null> = {
    name: addressOf(name, lang),
    utility: utility.name,
    contact: s.contact,
    ...Object.fromEntries(Object.entries(e.data).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)])),
  };
  if (e.ticketId) {
    const f = await reporterFacts(db, e.ticketId);
    if (f) {
      values.number = f.number;
      values.status = statusLabels[f.status as TicketStatus]?.[lang] ?? f.status;
      values.statusUrl = statusUrlOf(s, utility, f.number);
      values.estimate = local(f.resolveDueAt);
      values.previous = f.parentNumber;
      values.reason = typeof e.data.publicReason === 'string' ? e.data.publicReason : publicRejectReason[lang];
      if (f.incident) {
        values.incident = f.incident.title;
        values.message = lang === 'en' ? (f.incident.messageEn ?? f.incident.messageId) : f.incident.messageId;
        if (f.incident.estimatedRestoreAt) values.estimate = local(f.incident.estimatedRestoreAt);
      }
    }
  }
  if (e.incidentId) {
    const i = await incidentFacts(db, e.incidentId);
    if (i) {
      values.incident = i.title;
      values.message = lang === 'en' ? (i.message_en ?? i.message_id) : i.message_id;
      values.estimate = local(i.estimated_restore_at);
    }
  }
  if (e.kind.startsWith('escalation.')) {
    values.priority = priorityLabel(e.data.priority as string | null, lang);
    values.dueAt = local(e.data.dueAt as string | null);
    const metAt = local(e.data.metAt as string | null);
    values.outcome = metAt ? (lang === 'id' ? `dan baru terpenuhi pada ${metAt}` : `and was met late at ${metAt}`) : lang === 'id' ? 'dan masih terbuka' : 'and is still open';
  }
  return values;
}

/** Whom a staff event reaches, by its kind when the event names no role. */
function staffRoleOf(e: PendingEvent, s: UtilitySettings): Role | null {
  if (e.role) return e.role;
  if (e.kind === 'ticket.reopened') return e.data.toRole ? s.notifications.reopenedTo : null;
  return null;
}

/** Whether a staff event waits for the digest: Normal (or untriaged) breaches when the utility gathers them. */
function digestOf(e: PendingEvent, s: UtilitySettings): 'hourly' | 'daily' | null {
  const mode = s.notifications.normalDigest;
  if (mode === 'immediate' || e.urgent) return null;
  if (e.kind !== 'escalation.respond' && e.kind !== 'escalation.resolve') return null;
  const priority = e.data.priority as string | null;
  return priority === null || priority === undefined || priority === 'normal' ? mode : null;
}

/** WhatsApp: the values of the text's placeholders in order, the body parameters of the approved template that mirrors it. */
function templateParamsOf(channel: OutboundChannel, template: MessageText, values: Record<string, string | null>): string[] | null {
  return channel === 'whatsapp' ? placeholderOrder(template.body).map((k) => values[k] ?? '') : null;
}

async function deliveriesFor(db: Runner, utility: Utility, e: PendingEvent, channels: OutboundChannel[], templates: Templates, now: Date): Promise<NewDelivery[]> {
  if (!isMessageKind(e.kind)) return [];
  const s = utility.settings;
  const base = { utilityId: utility.id, eventId: e.id, createdAt: now };
  if (e.audience === 'reporter') {
    // The phone code goes to the number being proven, whoever owns it.
    if (e.kind === 'phone.code') {
      const phone = e.data.phone as string;
      const channel = channels.includes('sms') ? 'sms' : channels.includes('whatsapp') ? 'whatsapp' : null;
      if (!channel) return [];
      const lang = (e.data.lang as Language) ?? 'id';
      // The code itself is filled in at send time only: the delivery row keeps the placeholder.
      const values = { ...(await valuesFor(db, utility, e, lang, null)), code: '{{code}}' };
      const template = templates(e.kind, lang);
      return [{ ...base, channel, recipient: phone, userId: null, reporterId: null, lang, ...renderMessage(template, values), templateParams: templateParamsOf(channel, template, values), digest: null, nextAttemptAt: now }];
    }
    if (!e.ticketId) return [];
    const f = await reporterFacts(db, e.ticketId);
    if (!f || f.reporterId === null || f.optedOut) return [];
    const channel = reporterChannelOf(f, channels, s.notifications.channelOrder);
    if (!channel) return [];
    const lang = f.language;
    const template = templates(e.kind, lang);
    const values = await valuesFor(db, utility, e, lang, f.name);
    const recipient = channel === 'email' ? (f.email as string) : (f.phone as string);
    const nextAttemptAt = e.urgent ? now : afterQuietHours(now, s.notifications.quietHours, utility.timeZone);
    return [{ ...base, channel, recipient, userId: null, reporterId: f.reporterId, lang, ...renderMessage(template, values), templateParams: templateParamsOf(channel, template, values), digest: null, nextAttemptAt }];
  }

  const crewId = e.data.toCrew && e.ticketId ? ((await ticketSummary(db, e.ticketId))?.crewId ?? null) : null;
  const people = await staffRecipients(db, utility.id, { role: staffRoleOf(e, s), userId: e.userId, crewId });
  const digest = digestOf(e, s);
  const nextAttemptAt = digest ? digestDueAt(now, digest, s.notifications.dailyDigestAt, utility.timeZone) : now;
  const id = renderMessage(templates(e.kind, 'id'), await valuesFor(db, utility, e, 'id', null));
  const en = renderMessage(templates(e.kind, 'en'), await valuesFor(db, utility, e, 'en', null));
  const out: NewDelivery[] = [];
  for (const p of people) {
    // Staff read Bahasa Indonesia; the inbox keeps the English beside it for the console's switch.
    out.push({ ...base, channel: 'inbox', recipient: `user:${p.id}`, userId: p.id, reporterId: null, lang: 'id', subject: id.subject, body: id.body, alt: en, digest, nextAttemptAt });
    if (p.email && channels.includes('email')) {
      out.push({ ...base, channel: 'email', recipient: p.email, userId: p.id, reporterId: null, lang: 'id', subject: id.subject, body: `${id.body}\n\n${en.body}`, digest, nextAttemptAt });
    }
  }
  return out;
}

/** Fans out the utility's pending events into deliveries, in the caller's transaction; returns the deliveries written. */
export async function fanOutNotifications(tx: Tx, utility: Utility, now: Date): Promise<number> {
  let written = 0;
  const channels = await availableChannels(tx, utility.id);
  const templates = await templatesOf(tx, utility.id);
  for (;;) {
    const events = await claimPendingEvents(tx, utility.id, FAN_OUT_BATCH);
    if (events.length === 0) break;
    for (const e of events) {
      const rows = await deliveriesFor(tx, utility, e, channels, templates, now);
      written += await insertDeliveries(tx, rows);
    }
    await markFannedOut(tx, events.map((e) => e.id), now);
    if (events.length < FAN_OUT_BATCH) break;
  }
  return written;
}

// ---------------------------------------------------------------- delivery

export interface NotificationCounts {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

export const defaultDeliveryOptions = {
  /** Single deliveries leased per round trip. */
  batch: 50,
  /** Digests (recipients) leased per round trip. */
  digestGroups: 20,
  /** Round trips per utility and tick at most (a backlog drains over a few ticks rather than stalling one). */
  rounds: 20,
};

/** WhatsApp takes free text only within this long of the reporter's last message; outside, an approved template. */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

interface Provider {
  sender: Sender;
  provider: ProviderConfig['provider'];
  config: Record<string, unknown>;
}

interface UtilityRuntime {
  utility: Utility;
  providers: Map<OutboundChannel, Provider>;
}

async function runtimeOf(db: Db, cache: Map<number, UtilityRuntime | null>, utilityId: number): Promise<UtilityRuntime | null> {
  if (cache.has(utilityId)) return cache.get(utilityId)!;
  const utility = await findUtilityById(db, utilityId);
  let rt: UtilityRuntime | null = null;
  if (utility) {
    const providers = new Map<OutboundChannel, Provider>();
    for (const c of await channelRows(db, utilityId)) {
      if (c.active) providers.set(c.channel, { sender: createSender({ provider: c.provider, config: c.config } as unknown as ProviderConfig), provider: c.provider, config: c.config });
    }
    rt = { utility, providers };
  }
  cache.set(utilityId, rt);
  return rt;
}

/**
 * Sends what is due (as of now()), utility by utility, across all or the
 * given ones. A utility's deliveries are leased for its own
 * settings.notifications.leaseSeconds; a digest is leased whole (leaseDueDigests).
 */
export async function deliverDueNotifications(db: Db, now: () => Date, options: Partial<typeof defaultDeliveryOptions> & { utilityIds?: number[] } = {}): Promise<NotificationCounts> {
  const opts = { ...defaultDeliveryOptions, ...options };
  const counts: NotificationCounts = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const runtimes = new Map<number, UtilityRuntime | null>();
  try {
    for (const utilityId of await utilitiesWithDueDeliveries(db, now(), opts.utilityIds)) {
      const rt = await runtimeOf(db, runtimes, utilityId);
      const leaseMs = (rt?.utility.settings.notifications.leaseSeconds ?? defaultSettings.notifications.leaseSeconds) * 1000;
      for (let round = 0; round < opts.rounds; round++) {
        const at = now();
        const leaseUntil = new Date(at.getTime() + leaseMs);
        const digests = await leaseDueDigests(db, { now: at, leaseUntil, groups: opts.digestGroups, utilityId });
        const singles = await leaseDueDeliveries(db, { now: at, leaseUntil, limit: opts.batch, utilityId });
        for (const group of [...digests, ...singles.map((d) => [d])]) await deliverGroup(db, rt, group, now, counts);
        if (digests.length < opts.digestGroups && singles.length < opts.batch) break;
      }
    }
  } finally {
    for (const rt of runtimes.values()) for (const p of rt?.providers.values() ?? []) p.sender.close?.();
  }
  return counts;
}

function digestText(rt: UtilityRuntime, group: ClaimedDelivery[], lang: Language): MessageText {
  const numbers = [...new Set(group.map((d) => String(d.data.number ?? '')).filter(Boolean))];
  return renderMessage(defaultTemplates['digest.escalations'][lang], { count: String(numbers.length), list: numbers.join(', '), utility: rt.utility.name });
}

/**
 * The approved WhatsApp template a message goes as, when the Cloud API would
 * refuse free text: the recipient wrote last more than 24 h ago (or never).
 * null: free text is fine (inside the window, or not the Cloud API).
 */
async function whatsappTemplateFor(db: Runner, p: Provider, d: ClaimedDelivery, at: Date, secret: Record<string, string>): Promise<WhatsappTemplate | null> {
  if (p.provider !== 'whatsapp_cloud') return null;
  const last = await lastInboundAt(db, d.utilityId, d.recipient);
  if (last && at.getTime() - last.getTime() < WHATSAPP_WINDOW_MS) return null;
  const templates = (p.config as unknown as WhatsappCloudConfig).templates ?? {};
  const name = templates[d.kind]?.[d.lang];
  if (!name) throw new SendError(`outside WhatsApp's 24-hour window, and no approved template is set for ${d.kind} (${d.lang}) in the WhatsApp channel's settings`, false);
  return { name, language: d.lang, parameters: (d.templateParams ?? []).map((v) => renderText(v, secret)) };
}

/** Hides a one-time code in whatever a provider answered (an error echoing the request). */
const withoutSecret = (text: string | null, secret: Record<string, string>) => (text && secret.code ? text.split(secret.code).join('••••••') : text);

async function deliverGroup(db: Db, rt: UtilityRuntime | null, group: ClaimedDelivery[], now: () => Date, counts: NotificationCounts): Promise<void> {
  const first = group[0];
  const started = now();
  const t0 = performance.now();
  let ok = false;
  let error: string | null = null;
  let retryable = false;
  let providerRef: string | null = null;
  const isDigest = first.digest !== null;
  // A phone code lives in its event until sent; it reaches the message here, and nowhere else.
  const secret: Record<string, string> = typeof first.data.code === 'string' ? { code: first.data.code } : {};
  try {
    if (!rt) throw new SendError('the utility no longer exists', false);
    if (first.channel === 'inbox') {
      const text = isDigest ? digestText(rt, group, 'id') : { subject: first.subject ?? '', body: first.body };
      const en = isDigest ? digestText(rt, group, 'en') : first.alt;
      const data = isDigest
        ? { digest: first.digest, items: group.map((d) => ({ ticketId: d.ticketId, ...d.data })), text: { id: text, en } }
        : { ...first.data, text: { id: text, en } };
      await insertInboxItem(db, {
        utilityId: first.utilityId,
        userId: first.userId!,
        deliveryId: first.id,
        escalationId: isDigest ? null : ((first.data.escalationId as number | undefined) ?? null),
        ticketId: isDigest ? null : first.ticketId,
        kind: isDigest ? 'digest.escalations' : first.kind,
        title: text.subject,
        body: text.body,
        data,
        at: started,
      });
      ok = true;
    } else {
      const p = rt.providers.get(first.channel);
      if (!p) throw new SendError(`no ${first.channel} provider is configured`, false);
      if (secret.code && typeof first.data.expiresAt === 'string' && Date.parse(first.data.expiresAt) <= started.getTime()) {
        throw new SendError('the code expired before it could be sent', false);
      }
      const text = isDigest ? digestText(rt, group, first.lang) : renderMessage({ subject: first.subject ?? '', body: first.body }, secret);
      const template = first.channel === 'whatsapp' && !isDigest ? await whatsappTemplateFor(db, p, first, started, secret) : null;
      const result = await p.sender.send({ to: first.recipient, subject: text.subject, body: text.body, idempotencyKey: `tirta-${first.id}`, template });
      providerRef = withoutSecret(result.providerRef, secret);
      ok = true;
    }
  } catch (err) {
    error = withoutSecret((err as Error).message, secret);
    retryable = err instanceof SendError ? err.retryable : true;
  }
  const durationMs = Math.round(performance.now() - t0);
  const s = rt?.utility.settings.notifications;
  for (const d of group) {
    counts.attempted += 1;
    let status: 'pending' | 'delivered' | 'failed' = 'delivered';
    let nextAttemptAt: Date | null = null;
    if (!ok) {
      if (retryable && s && d.attempts < s.maxAttempts) {
        status = 'pending';
        nextAttemptAt = new Date(started.getTime() + backoffSeconds(d.attempts, s.backoffBaseSeconds, s.backoffMaxSeconds) * 1000);
        counts.retrying += 1;
      } else {
        status = 'failed';
        counts.failed += 1;
      }
    } else counts.delivered += 1;
    await recordAttempt(db, { deliveryId: d.id, utilityId: d.utilityId, attempt: d.attempts, at: started, ok, error, providerRef, durationMs, status, nextAttemptAt });
    // Sent or given up: the code is of no more use to anyone here.
    if (secret.code && status !== 'pending') await redactEventSecret(db, d.eventId);
  }
}

// ---------------------------------------------------------------- incidents

/** An incident's progress changed: every attached reporter hears (the restore itself is the tickets' step). */
export async function enqueueIncidentUpdate(tx: Runner, utilityId: number, incidentId: number, at: Date): Promise<number> {
  const ids = await incidentTicketIds(tx, incidentId);
  return insertEvents(
    tx,
    ids.map((ticketId) => ({ utilityId, ticketId, incidentId, kind: 'incident.updated', audience: 'reporter' as const, data: {}, at })),
  );
}

// ---------------------------------------------------------------- the admin's side: templates, channels, failures, replies

export interface TemplateView {
  kind: MessageKind;
  audience: 'reporter' | 'staff';
  lang: Language;
  subject: string;
  body: string;
  isDefault: boolean;
  updatedAt: string | null;
}

/** Every kind in both languages: the utility's text where it has one, else the default. */
export async function listTemplates(db: Runner, utilityId: number): Promise<TemplateView[]> {
  const own = new Map((await templateOverrides(db, utilityId)).map((t) => [`${t.kind}/${t.lang}`, t]));
  const out: TemplateView[] = [];
  for (const kind of messageKinds) {
    for (const lang of languages) {
      const o = own.get(`${kind}/${lang}`);
      const text = o ?? defaultTemplates[kind][lang];
      out.push({ kind, audience: (reporterKinds as readonly string[]).includes(kind) ? 'reporter' : 'staff', lang, subject: text.subject, body: text.body, isDefault: !o, updatedAt: o ? o.updatedAt.toISOString() : null });
    }
  }
  return out;
}

function checkTemplate(text: MessageText): void {
  const issues = (['subject', 'body'] as const).flatMap((field) => {
    const unknown = unknownPlaceholders(text[field]);
    return unknown.length ? [{ field, message: `unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')}; use ${placeholders.map((p) => `{{${p}}}`).join(', ')}` }] : [];
  });
  if (issues.length) throw validationError(issues);
}

export async function saveTemplate(db: Runner, t: { utilityId: number; kind: MessageKind; lang: Language; text: MessageText; userId: number; at: Date }): Promise<void> {
  checkTemplate(t.text);
  await upsertTemplate(db, t);
}

export async function resetTemplate(db: Runner, utilityId: number, kind: MessageKind, lang: Language): Promise<void> {
  await deleteTemplate(db, utilityId, kind, lang);
}

/** A text filled with the example values, as the editor shows it before saving. */
export function previewTemplate(text: MessageText): MessageText {
  checkTemplate(text);
  return renderMessage(text, placeholderExamples);
}

const secretKeys = ['password', 'accessToken', 'authHeaderValue', 'appSecret', 'verifyToken', 'inboundSecret'];

/** A channel's settings as the admin reads them: secrets replaced by a mark. */
function masked(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretKeys.includes(k) && v ? '••••••' : v]));
}

export async function listChannels(db: Runner, utilityId: number) {
  return (await channelRows(db, utilityId)).map((c) => ({ channel: c.channel, provider: c.provider, config: masked(c.config), active: c.active, updatedAt: c.updatedAt.toISOString() }));
}

/**
 * Configures a channel. A URL the worker will call must be an allowed target
 * (the webhooks' rule: public addresses, or WEBHOOK_ALLOWED_HOSTS). A secret
 * left out keeps the stored one.
 */
export async function configureChannel(
  db: Runner,
  utilityId: number,
  c: { channel: OutboundChannel; provider: 'smtp' | 'whatsapp_cloud' | 'http_gateway'; config: Record<string, unknown>; active: boolean },
  allowedHosts: readonly string[],
  at: Date,
): Promise<void> {
  const url = c.provider === 'whatsapp_cloud' ? (c.config.baseUrl as string | undefined) : c.provider === 'http_gateway' ? (c.config.url as string) : undefined;
  if (url) await checkWebhookUrl(url.replace(/\{\{\s*\w+\s*\}\}/g, 'x'), allowedHosts);
  const stored = (await channelRows(db, utilityId)).find((r) => r.channel === c.channel && r.provider === c.provider);
  const config = { ...c.config };
  for (const k of secretKeys) if (config[k] === undefined && stored?.config[k] !== undefined) config[k] = stored.config[k];
  await upsertChannel(db, utilityId, { ...c, config }, at);
}

export async function removeChannel(db: Runner, utilityId: number, channel: OutboundChannel): Promise<boolean> {
  return (await deleteChannel(db, utilityId, channel)) > 0;
}

export { listDeliveries, deliveryAttempts, deliveryCounts } from './repository.js';

export async function retryDelivery(db: Runner, utilityId: number, id: number, at: Date): Promise<boolean> {
  return requeueFailed(db, utilityId, id, at);
}

/**
 * A reply from a reporter, entered by the operator or forwarded by an inbound
 * webhook: an opt-out keyword (STOP, BERHENTI) stops every further message to
 * that number, an opt-in keyword (START, MULAI) lets them go again. A message
 * that arrived through a provider (`inbound`) also opens WhatsApp's 24-hour
 * window for free text.
 */
export async function receiveReply(db: Runner, utility: Utility, phone: string, text: string, at: Date, options: { inbound?: boolean } = {}): Promise<{ optedOut: boolean; optedIn: boolean }> {
  if (options.inbound) await recordInbound(db, utility.id, phone, at);
  const s = utility.settings.notifications;
  if (isOptOutReply(text, s.optOutKeywords)) {
    await optOutPhone(db, utility.id, phone, at);
    return { optedOut: true, optedIn: false };
  }
  if (isKeywordReply(text, s.optInKeywords)) return { optedOut: false, optedIn: (await optInPhone(db, utility.id, phone)) > 0 };
  return { optedOut: false, optedIn: false };
}

/** The utility's provider settings for a channel, secrets included (the inbound webhooks check theirs); null when none is active. */
export async function channelSettingsOf(db: Runner, utilityId: number, channel: OutboundChannel): Promise<{ provider: string; config: Record<string, unknown> } | null> {
  const row = (await channelRows(db, utilityId)).find((c) => c.channel === channel && c.active);
  return row ? { provider: row.provider, config: row.config } : null;
}

/** Seed 004: the call centre replies to the citizen within 2 hours. */
export const FIRST_REPLY_STANDARD_MINUTES = 120;

/** Time to first reply per channel against the 2 h standard, for reports received in [from, to). */
export async function firstReplyReport(db: Runner, utilityId: number, from: Date, to: Date) {
  const rows = await firstReplyByChannel(db, utilityId, from, to, FIRST_REPLY_STANDARD_MINUTES);
  return {
    standardMinutes: FIRST_REPLY_STANDARD_MINUTES,
    from: from.toISOString(),
    to: to.toISOString(),
    channels: rows.map((r) => ({
      channel: r.channel,
      tickets: r.tickets,
      withinStandard: r.channel === 'none' ? 0 : r.within_standard,
      withinStandardPct: r.channel === 'none' || r.tickets === 0 ? 0 : Math.round((1000 * r.within_standard) / r.tickets) / 10,
      medianMinutes: r.median_seconds === null ? null : Math.round(r.median_seconds / 6) / 10,
      p90Minutes: r.p90_seconds === null ? null : Math.round(r.p90_seconds / 6) / 10,
    })),
  };
}
