import type { Runner } from '../../platform/db/knex.js';

/** A utility's own settings: the overrides of the SOP defaults, as stored (jsonb). */
export type StoredOverrides = Record<string, unknown>;

export async function findSettingsOverrides(db: Runner, utilityId: number): Promise<StoredOverrides> {
  const row = await db('utilities').where({ id: utilityId }).first('settings');
  return row.settings;
}

/** The overrides, locked until the transaction ends (read-modify-write of one jsonb value). */
export async function lockSettingsOverrides(tx: Runner, utilityId: number): Promise<StoredOverrides | null> {
  const row = await tx('utilities').where({ id: utilityId }).forUpdate().first('settings');
  return row.settings;
}

export async function updateSettingsOverrides(tx: Runner, utilityId: number, overrides: StoredOverrides): Promise<void> {
  await tx('utilities').where({ id: utilityId }).update({ settings: JSON.stringify(overrides) });
}

export interface WebhookListing {
  id: number;
  url: string;
  active: boolean;
  created_at: Date;
}

/** The utility's webhooks, never their secrets. */
export async function listWebhooks(db: Runner, utilityId: number): Promise<WebhookListing[]> {
  return db('webhooks').where({ utility_id: utilityId }).orderBy('id').select('id', 'url', 'active', 'created_at');
}

export interface DeliveryListing {
  id: number;
  webhook_id: number;
  event_type: string;
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date | null;
}

/** The latest deliveries, newest first (payloads and signatures left out). */
export async function listRecentDeliveries(db: Runner, utilityId: number, limit: number): Promise<DeliveryListing[]> {
  return db('webhook_deliveries')
    .where({ utility_id: utilityId })
    .orderBy('id', 'desc')
    .limit(limit)
    .select('id', 'webhook_id', 'event_type', 'status', 'attempts', 'last_status', 'last_error', 'created_at', 'delivered_at', 'next_attempt_at');
}
