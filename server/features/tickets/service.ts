import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../core/domain/errors.js';
import { statusLabels } from '../../core/domain/labels.js';
import { allowedActions } from '../../core/domain/workflow.js';
import { dueTimesOf } from '../../core/domain/sla.js';
import type { TicketStatus } from '../../core/domain/tickets.js';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { viewerOf } from '../auth/viewer.js';
import {
  findPhoto,
  findRegionName,
  findReporterContact,
  findTicket,
  findTicketByNumber,
  findTicketIncident,
  findVisibleTicket,
  findWorkOrder,
  listEvents,
  listPhotos,
  listStatusTimeline,
  listTicketPoints,
  listTickets,
  transition,
  transitionMany,
  type PhotoRecord,
  type Ticket,
  type TicketFilter,
  type TransitionRequest,
  type TransitionResult,
} from './repository.js';

export type { Ticket, TicketChanges, TransitionRequest, TransitionResult } from './repository.js';

/**
 * The one writer of ticket state, for other features (the planner, incidents):
 * steps checked against the workflow table, in the caller's transaction.
 */
export function transitionTickets(tx: Runner, requests: readonly TransitionRequest[]): Promise<TransitionResult[]> {
  return transitionMany(tx, requests);
}

export function transitionTicket(tx: Runner, request: TransitionRequest): Promise<TransitionResult> {
  return transition(tx, request);
}

/** A ticket as stored, for other features; `forUpdate` locks it for the caller's transaction. */
export function getTicket(db: Runner, utilityId: number, id: number, forUpdate = false): Promise<Ticket | null> {
  return findTicket(db, utilityId, id, forUpdate);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What anyone may see of a report: no names, phones or staff notes. */
export async function publicStatus(ctx: AppContext, utility: Utility, number: string) {
  const ticket = await findTicketByNumber(ctx.db, utility.id, number.trim().toUpperCase());
  if (!ticket) throw notFound('report', number);
  const events = await listStatusTimeline(ctx.db, ticket.id);
  const region = ticket.regionId ? await findRegionName(ctx.db, ticket.regionId) : null;
  // Before triage there is no priority: promise the Normal standard, the slowest one.
  const incident = ticket.incidentId ? await findTicketIncident(ctx.db, utility.id, ticket.incidentId) : null;
  const expected =
    ticket.status === 'rejected' ? null
    : incident ? incident.estimatedRestoreAt
    : dueTimesOf(ticket, utility.settings).resolve;
  return {
    number: ticket.number,
    status: ticket.status,
    statusLabel: statusLabels[ticket.status],
    category: ticket.category,
    priority: ticket.priority,
    receivedAt: ticket.receivedAt.toISOString(),
    expectedResolutionAt: ['fixed', 'closed'].includes(ticket.status) ? null : iso(expected),
    region,
    repeatCount: ticket.repeatCount,
    incident: incident
      ? { title: incident.title, status: incident.status, message: { id: incident.messageId, en: incident.messageEn ?? incident.messageId }, estimatedRestoreAt: iso(incident.estimatedRestoreAt) }
      : null,
    timeline: events
      .filter((e) => e.fromStatus !== e.toStatus)
      .map((e) => ({ status: e.toStatus, label: statusLabels[e.toStatus], at: e.at.toISOString() })),
  };
}

export function presentTicket(t: Ticket) {
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    statusLabel: statusLabels[t.status],
    priority: t.priority,
    category: t.category,
    source: t.source,
    lat: t.lat,
    lon: t.lon,
    h3Cell: t.h3Cell,
    regionId: t.regionId,
    address: t.address,
    description: t.description,
    crewId: t.crewId,
    photoBlurred: t.photoBlurred,
    phoneVerifiedAt: iso(t.phoneVerifiedAt),
    receivedAt: iso(t.receivedAt),
    spkIssuedAt: iso(t.spkIssuedAt),
    assignedAt: iso(t.assignedAt),
    onSiteAt: iso(t.onSiteAt),
    escalatedAt: iso(t.escalatedAt),
    fixedAt: iso(t.fixedAt),
    closedAt: iso(t.closedAt),
    rejectedAt: iso(t.rejectedAt),
    respondDueAt: iso(t.respondDueAt),
    resolveDueAt: iso(t.resolveDueAt),
    repeatCount: t.repeatCount,
    starred: t.starred,
    urgent: t.urgent,
    parentTicketId: t.parentTicketId,
    reopenedAt: iso(t.reopenedAt),
    incidentId: t.incidentId,
  };
}

/** A page of the tickets this user may read (a crew: its own work only), filtered. */
export function listTicketsFor(ctx: AppContext, utility: Utility, user: StaffUser, filter: TicketFilter) {
  return listTickets(ctx.db, utility.id, viewerOf(user), filter);
}

/** The open tickets this user may read as bare points for the map (a crew: its own only). */
export function ticketPointsFor(ctx: AppContext, utility: Utility, user: StaffUser, filter: { statuses: TicketStatus[]; limit: number }) {
  return listTicketPoints(ctx.db, utility.id, viewerOf(user), filter);
}

/** A photo of a ticket this user may read; 404 otherwise (also for a crew asking for another crew's photo). */
export async function ticketPhotoFor(ctx: AppContext, utility: Utility, user: StaffUser, ticketId: number, photoId: number): Promise<PhotoRecord> {
  const photo = Number.isSafeInteger(photoId) && photoId > 0 ? await findPhoto(ctx.db, utility.id, viewerOf(user), ticketId, photoId) : null;
  if (!photo) throw notFound('photo', String(photoId));
  return photo;
}

/**
 * The whole ticket for staff: audit trail, photos, work order and what this user may do next.
 * Scoped by the repository: a crew reads its own tickets only (404 otherwise), and the
 * reporter's name and phone go to the roles that need them (features/auth/viewer.ts).
 */
export async function ticketDetail(ctx: AppContext, utility: Utility, user: StaffUser, id: number) {
  const viewer = viewerOf(user);
  const ticket = await findVisibleTicket(ctx.db, utility.id, viewer, id);
  if (!ticket) throw notFound('ticket', id);
  const [events, photos, workOrder, reporter] = await Promise.all([
    listEvents(ctx.db, viewer, ticket.id),
    listPhotos(ctx.db, viewer, ticket.id),
    findWorkOrder(ctx.db, viewer, ticket.id),
    ticket.reporterId ? findReporterContact(ctx.db, utility.id, viewer, ticket.id) : null,
  ]);
  return {
    ...presentTicket(ticket),
    reporter: reporter
      ? { name: reporter.name, phone: reporter.phone, address: reporter.address, blocked: reporter.blocked, preferredChannel: reporter.preferredChannel, language: reporter.language, optedOut: reporter.optedOut }
      : null,
    workOrder: workOrder ? { number: workOrder.number, issuedAt: workOrder.issuedAt.toISOString() } : null,
    photos: photos.map((p) => ({
      id: p.id,
      kind: p.kind,
      url: `/api/v1/tickets/${ticket.id}/photos/${p.id}`,
      thumbnailUrl: `/api/v1/tickets/${ticket.id}/photos/${p.id}?size=thumb`,
      width: p.width,
      height: p.height,
      blurScore: p.blurScore,
      // Null while the analysis runs; a photo whose pixels did not decode counts as blurred.
      blurred: p.analysedAt === null ? null : p.blurScore === null || p.blurScore < utility.settings.blurThreshold,
      analysing: p.analysedAt === null,
      damaged: p.analysisError === 'damaged',
      exif: { lat: p.exifLat, lon: p.exifLon, takenAt: iso(p.exifTakenAt) },
    })),
    events: events.map((e) => ({ action: e.action, actor: e.actorName ?? e.actorKind, from: e.fromStatus, to: e.toStatus, note: e.note, data: e.data, at: e.at.toISOString() })),
    allowedActions: allowedActions(ticket.status, user.role),
  };
}
