import { lang } from './i18n.js';

export interface Session {
  token: string;
  user: { id: number; username: string; displayName: string; role: string; crewId: number | null };
  utility: { code: string; name: string; timeZone: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const SESSION_KEY = 'tirta.session';

export function session(): Session | null {
  const raw = localStorage.getItem(SESSION_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(s: Session | null): void {
  if (s) localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  else localStorage.removeItem(SESSION_KEY);
}

/** Calls the API; a refusal becomes an ApiError carrying the message in the reader's language. */
export async function api<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  const s = session();
  if (s) headers.authorization = `Bearer ${s.token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    if (res.status === 401 && s) saveSession(null);
    const text = e ? (lang() === 'id' ? `${e.messageId} (${e.message})` : e.message) : `HTTP ${res.status}`;
    throw new ApiError(res.status, e?.code ?? 'HTTP', text, e?.field, e?.details);
  }
  return data as T;
}

/** A resource behind the bearer token (a photo, a GPX or XLSX download) as an object URL. */
export async function authorisedObjectUrl(path: string): Promise<string> {
  const s = session();
  const res = await fetch(path, { headers: s ? { authorization: `Bearer ${s.token}` } : {} });
  if (!res.ok) throw new ApiError(res.status, 'HTTP', `HTTP ${res.status}`);
  return URL.createObjectURL(await res.blob());
}
