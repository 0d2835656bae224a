import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import {
  attachedTicketIds,
  circleGeoJson,
  findIncident,
  insertIncident,
  isValidArea,
  receivedTicketsInside,
  updateIncidentRow,
  type Incident,
  type IncidentStatus,
} from './repository.js';
import { transitionTickets } from '../tickets/service.js';
import { enqueueIncidentUpdate } from '../notifications/service.js';

export interface IncidentInput {
  title: string;
  area?: unknown;
  centre?: { lat: number; lon: number };
  radiusMetres?: number;
  messageId: string;
  messageEn?: string | null;
  estimatedRestoreAt?: Date | null;
  /** Also attach the reports already waiting in the area (status received). */
  attachWaiting?: boolean;
}

/** Attaches the reports still waiting for validation inside the incident's area; one event each. */
export async function attachWaitingTickets(tx: Tx, utilityId: number, incident: { id: number; title: string }, actorId: number | null, at: Date): Promise<number> {
  const waiting = await receivedTicketsInside(tx, utilityId, incident.id);
  await transitionTickets(
    tx,
    waiting.map(({ id }) => ({
      utilityId,
      ticketId: id,
      action: 'attach' as const,
      actor: 'incident' as const,
      actorUserId: actorId,
      at,
      changes: { incidentId: incident.id },
      note: `Tergabung ke gangguan wilayah: ${incident.title}`,
      data: { incidentId: incident.id },
    })),
  );
  return waiting.length;
}

/** Staff mark a wide-area disruption: a polygon, or a circle around a point. */
export async function createIncident(ctx: AppContext, utility: Utility, user: StaffUser, input: IncidentInput): Promise<Incident> {
  if (!input.area && !(input.centre && input.radiusMetres)) {
    throw validationError([{ field: 'area', message: 'give the affected area as a GeoJSON polygon, or a centre and a radiusMetres' }]);
  }
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const area = input.area ?? (await circleGeoJson(tx, input.centre!.lon, input.centre!.lat, input.radiusMetres!));
    if (!(await isValidArea(tx, area))) throw validationError([{ field: 'area', message: 'not a valid GeoJSON Polygon or MultiPolygon (closed rings of at least 4 positions, not crossing themselves)' }]);
    const id = await insertIncident(tx, {
      utilityId: utility.id,
      title: input.title,
      area,
      messageId: input.messageId,
      messageEn: input.messageEn ?? null,
      estimatedRestoreAt: input.estimatedRestoreAt ?? null,
      createdBy: user.id,
      at,
    });
    if (input.attachWaiting) await attachWaitingTickets(tx, utility.id, { id, title: input.title }, user.id, at);
    return (await findIncident(tx, utility.id, id))!;
  });
}

export interface IncidentUpdate {
  status?: IncidentStatus;
  messageId?: string;
  messageEn?: string | null;
  estimatedRestoreAt?: Date | null;
}

/**
 * Progress of an incident, shown to every attached reporter. Restoring it
 * closes the attached tickets (the one repair answered them all); a restored
 * incident is final.
 */
export async function updateIncident(ctx: AppContext, utility: Utility, user: StaffUser, id: number, change: IncidentUpdate): Promise<Incident> {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const incident = await findIncident(tx, utility.id, id, true);
    if (!incident) throw notFound('incident', id);
    if (incident.status === 'restored') {
      throw new DomainError(ErrorCode.conflict, 'This incident is already restored; mark a new one if the water is off again', { currentStatus: 'restored' });
    }
    await updateIncidentRow(tx, id, { ...change, restoredAt: change.status === 'restored' ? at : undefined, at });
    // Progress (status, message, estimate) reaches every attached reporter; the restore itself is their tickets' step.
    if (change.status !== 'restored') await enqueueIncidentUpdate(tx, utility.id, id, at);
    if (change.status === 'restored') {
      const attached = await attachedTicketIds(tx, utility.id, id);
      await transitionTickets(
        tx,
        attached.map((ticketId) => ({
          utilityId: utility.id,
          ticketId,
          action: 'restore' as const,
          actor: 'incident' as const,
          actorUserId: user.id,
          at,
          note: change.messageId ?? 'Aliran air sudah normal kembali',
          data: { incidentId: id },
        })),
      );
    }
    return (await findIncident(tx, utility.id, id))!;
  });
}

export function presentIncident(i: Incident) {
  return {
    id: i.id,
    title: i.title,
    status: i.status,
    message: { id: i.messageId, en: i.messageEn ?? i.messageId },
    estimatedRestoreAt: i.estimatedRestoreAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    restoredAt: i.restoredAt?.toISOString() ?? null,
    attachedTickets: i.attachedTickets,
    area: i.area,
  };
}

