import type { ErrorRequestHandler, Request } from 'express';
import multer from 'multer';
import { DomainError, ErrorCode, isDomainError, validationError } from '../../core/domain/errors.js';
import { logger } from '../log.js';
import { databaseErrorOf } from '../db/errors.js';

/** The one place where domain error codes become HTTP statuses. */
const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUTSIDE_SERVICE_AREA: 422,
  PHOTO_REQUIRED: 400,
  PHOTO_NOT_IMAGE: 415,
  PHOTO_TOO_LARGE: 413,
  REPORTER_BLOCKED: 403,
  INVALID_TRANSITION: 409,
  BLURRED_PHOTO_NEEDS_VERIFICATION: 422,
  RESULT_PHOTO_REQUIRED: 400,
  CREW_NOT_AVAILABLE: 409,
  NOT_YOUR_TICKET: 403,
  CREW_WITHOUT_BASE: 422,
  NO_CREWS_ON_SHIFT: 422,
  NOTHING_TO_PLAN: 422,
  SHIFT_TOO_SHORT: 422,
  TICKET_WITHOUT_SPK: 422,
  API_KEY_INVALID: 403,
  PLAN_STALE: 409,
  PLAN_NOT_DRAFT: 409,
  TOO_MANY_REQUESTS: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  INVALID_GEOMETRY: 422,
  NEXT_STOP_STAYS: 409,
  SERVICE_UNAVAILABLE: 503,
  LINK_INVALID: 403,
  ALREADY_RATED: 409,
  PHONE_NOT_PROVEN: 403,
};

/** Bahasa Indonesia first: a plain sentence per code for citizen-facing screens. */
const indonesianByCode: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Data yang dikirim belum lengkap atau tidak sesuai.',
  UNAUTHENTICATED: 'Silakan masuk (login) terlebih dahulu.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  NOT_FOUND: 'Data tidak ditemukan.',
  CONFLICT: 'Data bertentangan dengan keadaan saat ini.',
  OUTSIDE_SERVICE_AREA: 'Lokasi berada di luar wilayah pelayanan PDAM.',
  PHOTO_REQUIRED: 'Foto wajib dilampirkan.',
  PHOTO_NOT_IMAGE: 'Berkas yang dikirim bukan foto yang dapat dibaca.',
  PHOTO_TOO_LARGE: 'Ukuran foto terlalu besar (maksimal 10 MB).',
  REPORTER_BLOCKED: 'Nomor telepon ini diblokir dari pelaporan.',
  INVALID_TRANSITION: 'Tindakan ini tidak dapat dilakukan pada status tiket saat ini.',
  BLURRED_PHOTO_NEEDS_VERIFICATION: 'Foto buram: hubungi pelapor untuk verifikasi sebelum menerbitkan SPK.',
  RESULT_PHOTO_REQUIRED: 'Foto hasil perbaikan wajib dilampirkan.',
  CREW_NOT_AVAILABLE: 'Tim tidak tersedia.',
  NOT_YOUR_TICKET: 'Tiket ini ditugaskan kepada tim lain.',
  CREW_WITHOUT_BASE: 'Tim belum memiliki pos (lokasi awal); lengkapi data tim sebelum membuat rencana.',
  NO_CREWS_ON_SHIFT: 'Tidak ada tim yang bertugas pada tanggal ini.',
  NOTHING_TO_PLAN: 'Tidak ada tiket ber-SPK yang perlu direncanakan.',
  SHIFT_TOO_SHORT: 'Jam kerja tim terlalu pendek untuk satu pekerjaan.',
  TICKET_WITHOUT_SPK: 'Tiket belum memiliki SPK.',
  API_KEY_INVALID: 'Kunci API (api_key) tidak ada, tidak dikenal, atau sudah dicabut.',
  PLAN_STALE: 'Rencana terbit sudah berubah sejak draf ini dibuat: perbarui draf (rebase) lalu terbitkan lagi.',
  PLAN_NOT_DRAFT: 'Hanya draf rencana yang dapat diubah, diterbitkan, atau dibuang.',
  TOO_MANY_REQUESTS: 'Terlalu banyak permintaan dalam waktu singkat. Silakan coba lagi nanti.',
  SERVICE_UNAVAILABLE: 'Layanan sedang tidak dapat dihubungi; data belum tersimpan. Silakan coba lagi dalam beberapa detik.',
  LINK_INVALID: 'Tautan tidak berlaku. Gunakan tautan dari tanda terima laporan Anda.',
  ALREADY_RATED: 'Layanan ini sudah Anda nilai. Terima kasih.',
  PASSWORD_CHANGE_REQUIRED: 'Kata sandi ini dibuat oleh orang lain: ganti kata sandi Anda terlebih dahulu.',
  INVALID_GEOMETRY: 'Wilayah tidak dapat dipakai (tidak sah, kosong, di luar wilayah pelayanan, atau bertumpang tindih).',
  NEXT_STOP_STAYS: 'Tiket ini tujuan berikutnya sebuah regu yang sedang menuju ke sana: tiket tetap pada regu itu.',
  PHONE_NOT_PROVEN: 'Nomor HP ini sudah terdaftar: konfirmasi dulu dengan kode yang kami kirim ke nomor tersebut.',
};

/** The Bahasa Indonesia sentence for a code (Open311 puts it beside the English in its error descriptions). */
export function indonesianMessageOf(code: ErrorCode): string {
  return indonesianByCode[code];
}

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code] ?? 500;
}

function fieldOf(error: DomainError): string | undefined {
  if (typeof error.details.field === 'string') return error.details.field;
  const fields = error.details.fields as { field: string }[] | undefined;
  return fields?.[0]?.field;
}

/** Errors of the transport (body parsers, multer) as domain errors; null for anything else. */
export function fromTransport(err: unknown, maxPhotoMb: number): DomainError | null {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') {
      return new DomainError(ErrorCode.photoTooLarge, `The photo is larger than ${maxPhotoMb} MB`, { field: err.field ?? 'photo', limitMb: maxPhotoMb });
    }
    return validationError([{ field: err.field ?? 'form', message: err.message }]);
  }
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return validationError([{ field: 'body', message: 'the request body is not valid JSON' }]);
  if (e?.type === 'entity.too.large') return new DomainError(ErrorCode.validationFailed, 'The request body is too large', { field: 'body' });
  if (e?.message?.startsWith('Multipart:') || e?.message === 'Unexpected end of form') {
    return validationError([{ field: 'body', message: `the multipart form could not be read (${e.message})` }]);
  }
  return null;
}

/**
 * Errors that carry an HTTP status of their own (http-errors from express's
 * router, serve-static, body-parser): a 404 stays a 404 (a missing /assets
 * file), a 400 a 400 (a path parameter that does not decode). Anything else,
 * or a 5xx, is not ours to recast: null.
 */
export function fromHttpError(err: unknown): DomainError | null {
  const e = err as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: string } | null;
  const status = Number(e?.status ?? e?.statusCode);
  if (!Number.isInteger(status) || status < 400 || status >= 500) return null;
  if (status === 404) return new DomainError(ErrorCode.notFound, 'Not found', {});
  if (status === 413) return new DomainError(ErrorCode.validationFailed, 'The request body is too large', { field: 'body' });
  if (err instanceof URIError) return validationError([{ field: 'path', message: 'the address has bad percent-encoding' }]);
  return validationError([{ field: 'request', message: e?.expose && e.message ? e.message : 'the request could not be read' }]);
}

/** The request id pino-http gave this request (also in the X-Request-Id response header). */
export function requestIdOfRequest(req: Request): string {
  return String(req.id ?? '');
}

/** The API's `error` object for an error: a domain error's code, both languages and details; anything else: INTERNAL. */
export function errorBodyOf(err: unknown, requestId: string) {
  if (!isDomainError(err)) {
    return { code: 'INTERNAL', message: 'Something went wrong on our side; the request was not applied', messageId: 'Terjadi kesalahan pada sistem.', details: {}, requestId };
  }
  return { code: err.code, message: err.message, messageId: indonesianByCode[err.code], field: fieldOf(err), details: err.details, requestId };
}

export function errorHandler(maxPhotoBytes: number): ErrorRequestHandler {
  const maxPhotoMb = Math.round(maxPhotoBytes / 1024 / 1024);
  return (err, req, res, _next) => {
    const requestId = requestIdOfRequest(req);
    const domain = isDomainError(err) ? err : (fromTransport(err, maxPhotoMb) ?? databaseErrorOf(err) ?? fromHttpError(err));
    if (!domain) {
      (req.log ?? logger).error({ err, requestId }, 'Unhandled error');
      res.status(500).json({ error: errorBodyOf(err, requestId) });
      return;
    }
    const status = httpStatusOf(domain.code);
    if (domain.code === ErrorCode.serviceUnavailable) (req.log ?? logger).warn({ err, requestId }, 'the database is unreachable: 503');
    else if (status >= 500) (req.log ?? logger).error({ err, requestId }, domain.message);
    // 503 (an outage) and 409 "still being processed" say when to come back.
    const retryAfter = domain.details.retryAfterSeconds;
    if (typeof retryAfter === 'number' && !res.headersSent) res.set('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    res.status(status).json({ error: errorBodyOf(domain, requestId) });
  };
}
