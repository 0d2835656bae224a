import type { Runner } from '../../platform/db/knex.js';
import type { AuditEntry, AuditRecord } from './view.js';

export async function insertAuditEntry(db: Runner, e: AuditEntry): Promise<number> {
  const [row] = await db('audit_log')
    .insert({
      utility_id: e.utilityId,
      actor_id: e.actorId,
      actor_kind: e.actorId === null ? 'platform' : 'staff',
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      details: JSON.stringify(e.details ?? {}),
      at: e.at,
    })
    .returning('id');
  return row.id;
}

export async function listAuditEntries(db: Runner, utilityId: number, options: { limit: number; objectType?: string }): Promise<AuditRecord[]> {
  let q = db('audit_log as a')
    .leftJoin('staff_users as u', function join() {
      this.on('u.id', 'a.actor_id').andOn('u.utility_id', 'a.utility_id');
    })
    .where('a.utility_id', utilityId);
  if (options.objectType) q = q.andWhere('a.object_type', options.objectType);
  const rows = await q.orderBy('a.id', 'desc').limit(options.limit).select('a.*', 'u.username', 'u.display_name');
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_id === null ? null : { id: r.actor_id, username: r.username, displayName: r.display_name },
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    details: r.details,
  }));
}
