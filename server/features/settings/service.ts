/**
 * A utility's settings (SOP defaults merged with its own overrides) and its
 * webhook registration. The ranges a value may take are checked by the
 * routes' schema before anything here runs.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { upsertWebhook } from '../webhooks/service.js';
import { recordAudit } from '../audit/service.js';
import {
  findSettingsOverrides,
  listRecentDeliveries,
  listWebhooks,
  lockSettingsOverrides,
  updateSettingsOverrides,
  type DeliveryListing,
  type StoredOverrides,
  type WebhookListing,
} from './repository.js';

/** How many deliveries the admin's webhook page shows. */
const RECENT_DELIVERIES = 50;

export async function settingsOverridesOf(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<StoredOverrides> {
  return findSettingsOverrides(ctx.db, utilityId);
}

/** Drops keys set to null (back to the default), and objects left empty by it, and merges the rest into the stored overrides. */
export function mergeOverrides(stored: StoredOverrides, patch: StoredOverrides): StoredOverrides {
  const out: StoredOverrides = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (typeof value === 'object' && !Array.isArray(value) && typeof out[key] === 'object' && out[key] !== null) {
      const merged = mergeOverrides(out[key] as StoredOverrides, value as StoredOverrides);
      // Nothing of its own left: no override at all (the SOP's values apply).
      if (Object.keys(merged).length) out[key] = merged;
      else delete out[key];
    } else out[key] = value;
  }
  return out;
}

/** Who made a change, for the audit trail (null: a command or a test, not a person). */
export interface SettingsChange {
  actorId: number;
  action: string; // 'settings.update', 'category.update'
  objectType: string;
  at: Date;
}

/** Applies a validated patch to the utility's overrides, audited with the patch itself; concurrent patches apply one after the other. */
export async function changeSettings(ctx: Pick<AppContext, 'db'>, utilityId: number, patch: StoredOverrides, change: SettingsChange | null = null): Promise<StoredOverrides> {
  return ctx.db.transaction(async (tx) => {
    const merged = mergeOverrides((await lockSettingsOverrides(tx, utilityId)) ?? {}, patch);
    await updateSettingsOverrides(tx, utilityId, merged);
    if (change) await recordAudit(tx, { utilityId, actorId: change.actorId, action: change.action, objectType: change.objectType, objectId: null, details: { patch }, at: change.at });
    return merged;
  });
}

export async function webhooksOf(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<{ webhooks: WebhookListing[]; deliveries: DeliveryListing[] }> {
  const webhooks = await listWebhooks(ctx.db, utilityId);
  const deliveries = await listRecentDeliveries(ctx.db, utilityId, RECENT_DELIVERIES);
  return { webhooks, deliveries };
}

/** Registers (or re-keys) the utility's webhook; without a secret one is generated, and the caller shows it once. */
export async function registerWebhook(ctx: Pick<AppContext, 'db' | 'config'>, utilityId: number, url: string, secret?: string): Promise<{ id: number; secret: string }> {
  const key = secret ?? crypto.randomBytes(24).toString('base64url');
  const id = await upsertWebhook(ctx.db, utilityId, url, key, ctx.config.webhookAllowedHosts);
  return { id, secret: key };
}
