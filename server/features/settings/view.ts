import { defaultSettings, resolveSettings } from '../../core/domain/settings.js';
import type { StoredOverrides } from './repository.js';

/** The settings in force (SOP defaults merged with the overrides) beside the overrides themselves and the SOP defaults. */
export function settingsView(overrides: StoredOverrides) {
  return { settings: resolveSettings(overrides), overrides, defaults: defaultSettings };
}

export function webhookRegisteredView(id: number, url: string, secret: string) {
  return { id, url, secret, note: 'Keep the secret: it is shown only now. Deliveries carry an HMAC-SHA256 signature made with it.' };
}
