// Generated from the OpenAPI document by `npm run api:types` (server/cli/openapi-types.ts). Do not edit:
// change the zod schemas at the routes' registry.registerPath and regenerate.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ok */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready or not: the database answers (nothing more is told: no host, port or driver message) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description not ready (Retry-After says when to ask again) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "not ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in as staff; returns a bearer token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description logged in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResponse"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description logged out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is logged in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (ends your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PasswordChange"];
                };
            };
            responses: {
                /** @description changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A citizen reports a leak (photo and GPS required). Send an Idempotency-Key header to make retries safe. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique string (a UUID); a retry with the same key and request returns the first answer */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "multipart/form-data": {
                        /** @example -5.1477 */
                        lat: number;
                        /** @example 119.4327 */
                        lon: number;
                        description?: string;
                        name?: string;
                        /** @example 0812-3456-7890 */
                        phone?: string;
                        address?: string;
                        /**
                         * @default other
                         * @enum {string}
                         */
                        category?: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                        /**
                         * @description The open ticket nearby (GET /api/v1/reports/nearby) the reporter says this is: the report is added to it
                         * @example LK-2026-000123
                         */
                        duplicate_of?: string;
                        /**
                         * @description The earlier report this is about, if the reporter knows it
                         * @example LK-2026-000123
                         */
                        previous_number?: string;
                        /** @description Open311 jurisdiction (utility code); optional on a single-utility install */
                        jurisdiction_id?: string;
                        /**
                         * Format: binary
                         * @description JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels
                         */
                        photo: string;
                    };
                };
            };
            responses: {
                /** @description Report received */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportReceipt"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (415) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (429) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public status of a report: status, timeline, expected resolution (no personal data) */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicStatus"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets, filtered (the admin queue: ?status=received&order=oldest) */
        get: {
            parameters: {
                query?: {
                    status?: string;
                    priority?: string;
                    crewId?: number;
                    number?: string;
                    limit?: number;
                    offset?: number | null;
                    order?: "oldest" | "newest";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tickets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketPage"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Staff enter a report from the phone, the desk, social media or e-mail (photo optional) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "multipart/form-data": {
                        /** @example -5.1477 */
                        lat: number;
                        /** @example 119.4327 */
                        lon: number;
                        description?: string;
                        name?: string;
                        /** @example 0812-3456-7890 */
                        phone?: string;
                        address?: string;
                        /**
                         * @default other
                         * @enum {string}
                         */
                        category?: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                        /**
                         * @description The open ticket nearby (GET /api/v1/reports/nearby) the reporter says this is: the report is added to it
                         * @example LK-2026-000123
                         */
                        duplicate_of?: string;
                        /**
                         * @description The earlier report this is about, if the reporter knows it
                         * @example LK-2026-000123
                         */
                        previous_number?: string;
                        /** @description Open311 jurisdiction (utility code); optional on a single-utility install */
                        jurisdiction_id?: string;
                        /**
                         * @example call_centre
                         * @enum {string}
                         */
                        source: "call_centre" | "walk_in" | "social_media" | "email";
                    };
                    "application/json": {
                        /** @example -5.1477 */
                        lat: number;
                        /** @example 119.4327 */
                        lon: number;
                        description?: string;
                        name?: string;
                        /** @example 0812-3456-7890 */
                        phone?: string;
                        address?: string;
                        /**
                         * @default other
                         * @enum {string}
                         */
                        category?: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                        /**
                         * @description The open ticket nearby (GET /api/v1/reports/nearby) the reporter says this is: the report is added to it
                         * @example LK-2026-000123
                         */
                        duplicate_of?: string;
                        /**
                         * @description The earlier report this is about, if the reporter knows it
                         * @example LK-2026-000123
                         */
                        previous_number?: string;
                        /** @description Open311 jurisdiction (utility code); optional on a single-utility install */
                        jurisdiction_id?: string;
                        /**
                         * @example call_centre
                         * @enum {string}
                         */
                        source: "call_centre" | "walk_in" | "social_media" | "email";
                    };
                };
            };
            responses: {
                /** @description Ticket created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportReceipt"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (413) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (415) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket with its audit trail, photos, SPK and allowed next actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The ticket */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket's photo: the full-size copy or a 320 px thumbnail, both without EXIF, or the original upload with its EXIF (admin only). A crew reads its own tickets' photos only (404 otherwise). */
        get: {
            parameters: {
                query?: {
                    /** @description full: the photo without EXIF; thumb: 320 px JPEG; original: the upload with its EXIF (admin only) */
                    size?: "full" | "thumb" | "original";
                };
                header?: never;
                path: {
                    id: number;
                    photoId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image (JPEG, PNG, WebP or AVIF as uploaded; thumbnails are JPEG) */
                200: {
                    headers: {
                        /** @description private, max-age=86400, immutable */
                        "Cache-Control"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                        "image/avif": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin rejects a report (hoax, duplicate, not a leak); may block the reporter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @default false */
                        blockReporter?: boolean;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/spk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin validates the report and issues the work order (SPK) with a priority */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        priority: "critical" | "high" | "normal";
                        /** @description What the reporter said on the phone; required when the photo is blurred */
                        phoneVerification?: string;
                        instructions?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dispatcher assigns (or re-assigns) a crew */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        crewId: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/detach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A report attached to an area incident is a separate problem: back to the validation queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/unassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dispatcher takes the crew off a ticket not yet on site; it waits for the next plan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/arrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The crew reports it is on site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The crew needs heavy equipment: escalate to the Kabag Distribusi */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/fix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The crew reports the repair, with a photo of the result (multipart) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "multipart/form-data": {
                        note?: string;
                        /** Format: binary */
                        photo: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin verifies the repair and closes the ticket */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin sends the ticket back to the crew */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the priority; SLA due times move with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        priority: "critical" | "high" | "normal";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A waiting report is one more report of an open ticket: merged into it (counted there, no new work) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Number of the open ticket, e.g. LK-2026-000123 (required) */
                        into?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/unmerge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A merged report is a separate problem after all: back to the validation queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** First-contact close: the operator answered the caller on the spot with a standard answer (status answered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description GET /api/v1/answers (required) */
                        answerId?: number;
                        /** @description What else the caller was told */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** First contact: forwarded to another unit with the answer given to the caller (status forwarded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description The unit the complaint goes to (required) */
                        unit?: string;
                        /** @description What the caller was told (or answerId) */
                        answer?: string;
                        answerId?: number;
                    };
                };
            };
            responses: {
                /** @description The ticket after the transition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open reports near a point, nearest first (no personal data): "is it one of these?" before a citizen sends a report */
        get: {
            parameters: {
                query: {
                    lat: number;
                    lon: number;
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open tickets within the nearby radius (50 m by default) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NearbyReports"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reports merged into a ticket (each can be taken out with POST /tickets/{id}/unmerge) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Merged reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MergedReports"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The standard answers the call centre gives at first contact (the admin's short knowledge base) */
        get: {
            parameters: {
                query?: {
                    /** @description true: the retired answers too */
                    all?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StandardAnswer"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a standard answer (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StandardAnswerBody"];
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StandardAnswer"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change or retire (active: false) a standard answer (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StandardAnswerBody"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StandardAnswer"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active crews with their base and shift */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Crews */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Crew"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crews/{id}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A crew's ordered stops for a day (ETA, address, priority, description, photo thumbnail, geo: and web map links) and the trip as GeoJSON; ?format=gpx downloads it as GPX */
        get: {
            parameters: {
                query?: {
                    /** @description Default: today */
                    date?: string;
                    format?: "json" | "gpx";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The route list (JSON), or GPX 1.1 (application/gpx+xml) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrewRoute"];
                        "application/gpx+xml": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crews/{id}/position": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The crew's phone reports where it is now (its own crew only; dispatchers may set it too): a re-plan of today starts the crew's rest of the day there when it is newer than its last stop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        lat: number;
                        lon: number;
                    };
                };
            };
            responses: {
                /** @description The stored position */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrewPosition"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day's plan: its latest version that is not discarded (a draft or the published one), or the version asked for */
        get: {
            parameters: {
                query: {
                    date: string;
                    version?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The plan */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Plans a day as a DRAFT: zones, one closed trip per crew (work under way kept, the rest of today from where each crew is), unplanned tickets with reasons, km and hours against the first-come-first-served baseline. Stored as the day's next version (earlier open drafts are discarded); no ticket changes until it is published. Answers when the draft is ready (the solve's budget is the utility's solveMsPerCrew for each crew on shift: seconds, not minutes); closing the request before the answer cancels the solve and stores nothing (so do the edits, reoptimise and a re-base) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @example 2026-11-24 */
                        date: string;
                        /**
                         * @description 'distance': least total km (fuel); 'makespan': the longest crew day as short as possible. Default: the utility's setting
                         * @enum {string}
                         */
                        objective?: "distance" | "makespan";
                    };
                };
            };
            responses: {
                /** @description The stored plan */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan version with its routes, stops and unplanned tickets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The plan */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Discards a draft (no ticket changes) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Discarded */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/pins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft edit: pins (or moves) a ticket to a crew and re-solves the rest. On a draft: re-solved in place (same id); on the day's published plan: a new draft with the pin. Kept on publish as the day's pin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        ticketId: number;
                        crewId: number;
                    };
                };
            };
            responses: {
                /** @description The draft */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/removals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft edit: takes a ticket out of the day (no crew gets it; it keeps its SPK and waits) and re-solves */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        ticketId: number;
                    };
                };
            };
            responses: {
                /** @description The draft */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/removals/{ticketId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Draft edit: puts a ticket taken out back into the planner's hands and re-solves */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    ticketId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/locks/{crewId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Draft edit: locks a crew's order (exactly these stops in this order; default its stops as they are); re-solves leave that crew's day alone */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    crewId: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description The crew's stops in the order to keep; default: its stops in this plan as they are */
                        ticketIds?: number[];
                    };
                };
            };
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Draft edit: frees a crew's order and re-solves */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    crewId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per crew, what the plan changes against the day as published (a published version: against the one it replaced): tickets added, removed, moved in/out, reordered; stops, km and hours before and after */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The diff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanDiff"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publishes a draft: its assignments change atomically through the ticket writer (actor planner), its edits become the day's pins and locks, and each crew whose day changed gets an inbox message (kind plan.changed). A draft made from an out-of-date published version: 409 PLAN_STALE (details: basedOnVersion, publishedVersion, publishedSince, ticketsChanged) unless rebase: true, which answers the re-based draft */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description When the draft is stale: re-apply its edits on the day as published now and re-solve; answers the new draft (not published) */
                        rebase?: boolean;
                    };
                };
            };
            responses: {
                /** @description Published, or re-based into a new draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanPublishResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/pins/{ticketId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Draft edit: lifts a ticket's pin (a dispatcher's pin or an urgent dispatch) and re-solves; on publish the day's pin goes too */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    ticketId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/reoptimise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-solves a draft in place with the current tickets and its edits; on a published plan, makes a new draft */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a Critical or High ticket with an SPK: crews ranked by earliest arrival (cheapest insertion into their day, within their shift) */
        get: {
            parameters: {
                query: {
                    ticketId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ranked options (empty: no crew can take it today) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DispatchSuggestions"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirms an immediate dispatch: the ticket goes into the crew's day (a new published plan version: open drafts become stale), later stops are re-timed, the ticket becomes assigned and pinned to the crew */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        ticketId: number;
                        crewId: number;
                    };
                };
            };
            responses: {
                /** @description The new plan version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The day's zones of Normal tickets with an SPK: GeoJSON polygons (merged H3 cell outlines) with ticket counts and estimated work minutes, and the crew each went to in the day's plan */
        get: {
            parameters: {
                query: {
                    date: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description GeoJSON FeatureCollection */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s notifications (escalations sent to their role), newest first */
        get: {
            parameters: {
                query?: {
                    unread?: "true" | "false";
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the inbox */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inbox"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of the caller’s notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The notification */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets pending over 24 h (minHours): the weekly list for the directors, with the Kabag’s explanations */
        get: {
            parameters: {
                query?: {
                    minHours?: number | null;
                    /** @description json, or a download: csv or xlsx */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tickets pending over 24 h (minHours): the weekly list for the directors, with the Kabag’s explanations (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PendingReport"];
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily, monthly or yearly complaint report: counts by channel, category, priority, status, region; SLA attainment; mean times */
        get: {
            parameters: {
                query?: {
                    period?: "day" | "month" | "year";
                    /** @description YYYY-MM-DD, YYYY-MM or YYYY to match the period (default: the current one) */
                    date?: string;
                    /** @description json, or a download: csv or xlsx */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Daily, monthly or yearly complaint report: counts by channel, category, priority, status, region; SLA attainment; mean times (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA attainment by priority, region and crew, with the list of breaches */
        get: {
            parameters: {
                query?: {
                    /** @description First local date (default: 30 days before to) */
                    from?: string;
                    /** @description Last local date, inclusive (default: today in the utility time zone) */
                    to?: string;
                    /** @description json, or a download: csv or xlsx */
                    format?: "json" | "csv" | "xlsx";
                    /** @description Breaches listed (default 500 as JSON, 100 000 as a download) */
                    breachLimit?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description SLA attainment by priority, region and crew, with the list of breaches (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/repeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Repeat rate per crew and region: fixes that did not hold (sent back to the crew) */
        get: {
            parameters: {
                query?: {
                    /** @description First local date (default: 30 days before to) */
                    from?: string;
                    /** @description Last local date, inclusive (default: today in the utility time zone) */
                    to?: string;
                    /** @description json, or a download: csv or xlsx */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Repeat rate per crew and region: fixes that did not hold (sent back to the crew) (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports per H3 cell for a window, priorities and map extent; the resolution follows the zoom */
        get: {
            parameters: {
                query?: {
                    /** @description First local date (default: 30 days before to) */
                    from?: string;
                    /** @description Last local date, inclusive (default: today in the utility time zone) */
                    to?: string;
                    /** @description json, or a download: csv or xlsx */
                    format?: "json" | "csv" | "xlsx";
                    priority?: string;
                    bbox?: string;
                    zoom?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reports per H3 cell for a window, priorities and map extent; the resolution follows the zoom (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HeatmapReport"];
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incentive points per crew for a month */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM (default: the current month) */
                    month?: string;
                    /** @description json, or a download: csv or xlsx */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Incentive points per crew for a month (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PointsReport"];
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/pending/{id}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The Kabag records why a ticket is pending over 24 h */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        explanation: string;
                    };
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticketId: number;
                            explanation: string;
                            explainedBy: string;
                            explainedAt: string;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a client needs to draw the map and the report form: utility, time zone, extent, basemap, categories */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client configuration */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClientConfig"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/boundaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kelurahan (level=areas) or service regions (level=regions) as GeoJSON, simplified for the map */
        get: {
            parameters: {
                query?: {
                    level?: "areas" | "regions";
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description GeoJSON FeatureCollection */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The utility's settings (SOP defaults merged with its own) and its own overrides */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some settings (admin); a key set to null goes back to the SOP default */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SettingsPatch"];
                };
            };
            responses: {
                /** @description Settings after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/settings/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered webhooks and their latest deliveries (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Webhooks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Register (or re-key) the webhook that receives escalations, signed with HMAC-SHA256 (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["WebhookRegistration"];
                };
            };
            responses: {
                /** @description Registered; the secret is shown once */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open area disruptions (public: lets a citizen see that the neighbours are affected too); ?all=true with a staff token lists restored ones as well */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Incidents with their areas as GeoJSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Incident"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Mark a wide-area disruption; reports inside it attach to it instead of spawning crews */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IncidentCreate"];
                };
            };
            responses: {
                /** @description The incident */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Progress of an incident (repairing, new estimate, message); restored closes the attached reports */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IncidentUpdate"];
                };
            };
            responses: {
                /** @description The incident */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (403) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/platform/utilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server operator: the utilities on this server */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description utilities */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                code: string;
                                name: string;
                                jurisdictionId: string | null;
                                timeZone: string;
                                hasServiceArea: boolean;
                                staff: number;
                            }[];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Server operator: create a utility and its first admin account (the password is in this answer only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CreateUtility"];
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedUtility"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/discovery.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 service discovery: the GeoReport v2 endpoint, its formats (JSON only) and how to get an api_key */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Discovery */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Discovery"];
                    };
                };
                /** @description Error (404): [{code, description}] */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service list: one service per leak category (service_code = our category) */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Services */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Service"][];
                    };
                };
                /** @description Error (400): [{code, description}] */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (404): [{code, description}] */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{service_code}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service definition (no extra attributes) */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    service_code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Service definition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311ServiceDefinition"];
                    };
                };
                /** @description Error (400): [{code, description}] */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (404): [{code, description}] */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service requests: by number, or by service, status and a window of at most 90 days (default the last 90); newest first, at most 1000 a page (page, page_size) */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                    /** @description Comma-separated ticket numbers (LK-2026-000123); overrides every other filter */
                    service_request_id?: string;
                    /** @description Comma-separated: pipe_burst, visible_leak, meter_leak, no_water, other */
                    service_code?: string;
                    /** @description open, closed, or open,closed */
                    status?: string;
                    /** @description W3C date-time with a zone (2026-11-01T00:00:00+08:00) or a date (local day of the utility) */
                    start_date?: string;
                    /** @description Inclusive; at most 90 days after start_date. Default window: the last 90 days */
                    end_date?: string;
                    /** @description Results per page, at most (and by default) 1000, the GeoReport limit */
                    page_size?: number;
                    /** @description Which page (1 = newest), of page_size results each */
                    page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Service requests (no reporter data, no photos) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311ServiceRequest"][];
                    };
                };
                /** @description Error (400): [{code, description}] */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (404): [{code, description}] */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (429): [{code, description}] */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
            };
        };
        put?: never;
        /** GeoReport v2: submit a leak report with an api_key. The photo is required and travels as the multipart file `media` (a media_url is not fetched); lat, long and phone are required. Every refusal of our intake applies. Send an Idempotency-Key header to make retries safe. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "multipart/form-data": {
                        /** @description The utility; optional: the api_key names its utility */
                        jurisdiction_id?: string;
                        /** @description Required. Also accepted as a query parameter */
                        api_key?: string;
                        /** @example pipe_burst */
                        service_code: string;
                        /**
                         * @description Required here: the crew needs the GPS position
                         * @example -5.1477
                         */
                        lat?: number;
                        /**
                         * @description Required here
                         * @example 119.4327
                         */
                        long?: number;
                        address_string?: string;
                        /** @description Not used: this server places a report by lat/long only */
                        address_id?: string;
                        description?: string;
                        first_name?: string;
                        last_name?: string;
                        /**
                         * @description Required: an Indonesian number, so the utility can confirm the report
                         * @example 0812-3456-7890
                         */
                        phone?: string;
                        /** @description Accepted and not stored (the utility confirms by phone) */
                        email?: string;
                        /** @description Accepted and not stored */
                        device_id?: string;
                        /** @description Kept with the ticket and echoed in the answer */
                        account_id?: string;
                        /** @description Not fetched: send the photo itself as the multipart file `media` */
                        media_url?: string;
                        /**
                         * Format: binary
                         * @description The photo: JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels
                         */
                        media: string;
                    };
                    "application/x-www-form-urlencoded": {
                        /** @description The utility; optional: the api_key names its utility */
                        jurisdiction_id?: string;
                        /** @description Required. Also accepted as a query parameter */
                        api_key?: string;
                        /** @example pipe_burst */
                        service_code: string;
                        /**
                         * @description Required here: the crew needs the GPS position
                         * @example -5.1477
                         */
                        lat?: number;
                        /**
                         * @description Required here
                         * @example 119.4327
                         */
                        long?: number;
                        address_string?: string;
                        /** @description Not used: this server places a report by lat/long only */
                        address_id?: string;
                        description?: string;
                        first_name?: string;
                        last_name?: string;
                        /**
                         * @description Required: an Indonesian number, so the utility can confirm the report
                         * @example 0812-3456-7890
                         */
                        phone?: string;
                        /** @description Accepted and not stored (the utility confirms by phone) */
                        email?: string;
                        /** @description Accepted and not stored */
                        device_id?: string;
                        /** @description Kept with the ticket and echoed in the answer */
                        account_id?: string;
                        /** @description Not fetched: send the photo itself as the multipart file `media` */
                        media_url?: string;
                    };
                };
            };
            responses: {
                /** @description A re-report: the done ticket it reopened */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311PostAnswer"];
                    };
                };
                /** @description Created: the new ticket number */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311PostAnswer"];
                    };
                };
                /** @description Error (400): [{code, description}] */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (403): [{code, description}] */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (404): [{code, description}] */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (409): [{code, description}] */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (413): [{code, description}] */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (415): [{code, description}] */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (422): [{code, description}] */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Error (429): [{code, description}] */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{service_request_id}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service request: one report by its ticket number (an array of one) */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    service_request_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The service request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311ServiceRequest"][];
                    };
                };
                /** @description Error (404): [{code, description}] */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example VALIDATION_FAILED */
                code: string;
                message: string;
                /** @description The same, in Bahasa Indonesia */
                messageId: string;
                field?: string;
                details: {
                    [key: string]: unknown;
                };
                /** @description The id of this request (also the X-Request-Id response header): quote it when reporting a problem; every log line of the request carries it */
                requestId: string;
            };
        };
        LoginResponse: {
            token: string;
            expiresAt: string;
            user: {
                id: number;
                username: string;
                displayName: string;
                role: string;
                crewId: number | null;
                /** @description true: a password someone else set; every other call answers 403 PASSWORD_CHANGE_REQUIRED until POST /api/v1/auth/password */
                mustChangePassword: boolean;
            };
            utility: {
                code: string;
                name: string;
                timeZone: string;
            };
        };
        LoginRequest: {
            username: string;
            password: string;
            jurisdiction_id?: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        ReportReceipt: {
            /** @example LK-2026-000123 */
            number: string;
            /** @enum {string} */
            status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
            statusUrl: string;
            receivedAt: string;
            photoBlurred: boolean | null;
            region: string | null;
            kelurahan: string | null;
            /** @description A repeat report (seed 003): re_report reopened the done ticket named in number (answer 200); new_linked is a new urgent ticket linked to an earlier one */
            repeat: ({
                /** @enum {string} */
                kind: "re_report";
                repeatCount: number;
            } | {
                /** @enum {string} */
                kind: "new_linked";
                linkedTo: string;
            }) | null;
            /** @description The open area incident the report joined (status attached) */
            incident: {
                id: number;
                title: string;
            } | null;
            /** @description The report was added to the open ticket of the same spot named in number (answer 200): how many reports it now stands for; chosen: the reporter picked it */
            duplicate: {
                reports: number;
                chosen: boolean;
            } | null;
            /** @description The reporter's signed link: follow the ticket, add a note or a photo, see their other reports */
            followUpUrl?: string | null;
        };
        PublicStatus: {
            number: string;
            /** @enum {string} */
            status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
            statusLabel: {
                id: string;
                en: string;
            };
            /** @enum {string} */
            category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            /** @enum {string|null} */
            priority: "critical" | "high" | "normal" | null;
            receivedAt: string;
            expectedResolutionAt: string | null;
            region: string | null;
            /** @description How often the reporter came back after it was marked done (re-reports) */
            repeatCount: number;
            /** @description The area disruption this report is part of, and its progress */
            incident: {
                title: string;
                status: string;
                message: {
                    id: string;
                    en: string;
                };
                estimatedRestoreAt: string | null;
            } | null;
            timeline: {
                /** @enum {string} */
                status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
                label: {
                    id: string;
                    en: string;
                };
                at: string;
            }[];
        };
        TicketPage: {
            total: number;
            limit: number;
            offset: number;
            items: (components["schemas"]["TicketSummary"] & {
                thumbnailUrl: string | null;
                resultThumbnailUrl: string | null;
            })[];
        };
        TicketSummary: {
            id: number;
            number: string;
            /** @enum {string} */
            status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
            statusLabel: {
                id: string;
                en: string;
            };
            /** @enum {string|null} */
            priority: "critical" | "high" | "normal" | null;
            /** @enum {string} */
            category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            /** @enum {string} */
            source: "app" | "call_centre" | "walk_in" | "social_media" | "email";
            lat: number;
            lon: number;
            h3Cell: string;
            regionId: number | null;
            address: string | null;
            description: string | null;
            crewId: number | null;
            photoBlurred: boolean | null;
            phoneVerifiedAt: string | null;
            receivedAt: string;
            spkIssuedAt: string | null;
            assignedAt: string | null;
            onSiteAt: string | null;
            escalatedAt: string | null;
            fixedAt: string | null;
            closedAt: string | null;
            rejectedAt: string | null;
            respondDueAt: string | null;
            resolveDueAt: string | null;
            repeatCount: number;
            starred: boolean;
            urgent: boolean;
            parentTicketId: number | null;
            reopenedAt: string | null;
            incidentId: number | null;
        };
        Ticket: components["schemas"]["TicketSummary"] & {
            /** @description Only to the admin, the operator and the crew assigned to the ticket; null for every other role */
            reporter: {
                name: string | null;
                phone: string | null;
                /** @description The reporter's own address as first given */
                address: string | null;
                blocked: boolean;
            } | null;
            /** @description The SPK */
            workOrder: {
                number: string;
                issuedAt: string;
            } | null;
            photos: {
                id: number;
                /** @enum {string} */
                kind: "report" | "result";
                url: string;
                thumbnailUrl: string;
                width: number;
                height: number;
                blurScore: number;
                blurred: boolean;
                exif: {
                    lat: number | null;
                    lon: number | null;
                    takenAt: string | null;
                };
            }[];
            events: {
                action: string;
                /** @description Staff name, or the kind of actor (system, planner, ...) */
                actor: string;
                /** @enum {string|null} */
                from: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded" | null;
                /** @enum {string} */
                to: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
                note: string | null;
                data: {
                    [key: string]: unknown;
                };
                at: string;
            }[];
            /** @description What this user may do next */
            allowedActions: string[];
        };
        NearbyReports: {
            radiusMetres: number;
            items: {
                number: string;
                /** @enum {string} */
                status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
                statusLabel: {
                    id: string;
                    en: string;
                };
                /** @enum {string} */
                category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                receivedAt: string;
                distanceMetres: number;
                /** @description How many reports the ticket stands for */
                reports: number;
            }[];
        };
        MergedReports: {
            items: {
                id: number;
                number: string;
                /** @enum {string} */
                category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                description: string | null;
                address: string | null;
                receivedAt: string;
                lat: number;
                lon: number;
            }[];
        };
        StandardAnswer: {
            id: number;
            /** @enum {string|null} */
            category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other" | null;
            title: {
                id: string;
                en: string;
            };
            answer: {
                id: string;
                en: string;
            };
            active: boolean;
            updatedAt: string;
        };
        StandardAnswerBody: {
            /**
             * @description The kind of complaint it answers; null: any
             * @default null
             * @enum {string|null}
             */
            category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other" | null;
            title: {
                id: string;
                en: string;
            };
            answer: {
                id: string;
                en: string;
            };
            /** @default true */
            active: boolean;
        };
        Crew: {
            id: number;
            code: string;
            name: string;
            regionId: number | null;
            base: {
                lat: number;
                lon: number;
            } | null;
            baseAddress: string | null;
            members: string[];
            /** @example 07:30 */
            shiftStart: string;
            /** @example 16:00 */
            shiftEnd: string;
        };
        CrewRoute: {
            crewId: number;
            crewCode: string;
            crewName: string;
            date: string;
            planId: number;
            planVersion: number;
            base: {
                lat: number;
                lon: number;
                address: string | null;
            } | null;
            startAt: string | null;
            endAt: string | null;
            km: number;
            stops: {
                seq: number;
                ticketId: number;
                number: string;
                /** @enum {string} */
                status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
                /** @enum {string} */
                priority: "critical" | "high" | "normal";
                /** @enum {string} */
                category: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                eta: string;
                departAt: string;
                travelMinutes: number;
                serviceMinutes: number;
                address: string | null;
                description: string | null;
                lat: number;
                lon: number;
                photoThumbnailUrl: string | null;
                navigation: {
                    /** @description geo: URI for the phone’s map app */
                    geo: string;
                    web: string;
                };
            }[];
            geojson: {
                /** @enum {string} */
                type: "Feature";
                geometry: {
                    /** @enum {string} */
                    type: "LineString";
                    coordinates: number[][];
                } | null;
                properties: {
                    crewId: number;
                    crewCode: string;
                    date: string;
                    planId: number;
                    km: number;
                };
            };
        };
        CrewPosition: {
            crewId: number;
            lat: number;
            lon: number;
            reportedAt: string;
        };
        Plan: {
            id: number;
            date: string;
            version: number;
            /** @enum {string} */
            kind: "daily" | "reoptimise" | "dispatch";
            /**
             * @description draft: changes no ticket until published; published: what the crews see; discarded: replaced
             * @enum {string}
             */
            status: "draft" | "published" | "discarded";
            /** @description The published plan (id) a draft was made from; null: none yet */
            basedOn: number | null;
            publishedAt: string | null;
            /** @enum {string} */
            objective: "distance" | "makespan";
            createdAt: string;
            solveMs: number;
            versions: {
                id: number;
                version: number;
                kind: string;
                status: string;
                createdAt: string;
            }[];
            summary: {
                served: {
                    critical: number;
                    high: number;
                    normal: number;
                    total: number;
                };
                unplanned: number;
                km: number;
                hours: number;
                travelHours: number;
                longestDayHours: number;
                crewsUsed: number;
            };
            /** @description The same day dispatched first come, first served */
            baseline: {
                served: {
                    critical: number;
                    high: number;
                    normal: number;
                    total: number;
                };
                unplanned: number;
                km: number;
                hours: number;
                travelHours: number;
                longestDayHours: number;
                crewsUsed: number;
            };
            savings: {
                km: number;
                kmPercent: number;
                extraTicketsServed: number;
                kmPerTicket: {
                    plan: number;
                    baseline: number;
                };
            };
            routes: {
                crewId: number;
                crewCode: string;
                crewName: string;
                zone: string | null;
                shiftStartAt: string;
                shiftEndAt: string;
                startAt: string;
                endAt: string;
                km: number;
                travelMinutes: number;
                serviceMinutes: number;
                /** @description The crew's order is locked (a standing lock of the day, or one of this draft's edits): re-solves leave its day alone */
                locked: boolean;
                /** @description The trip as a GeoJSON LineString (lon, lat): base, the stops in order, base; null: no stops */
                path: {
                    /** @enum {string} */
                    type: "LineString";
                    coordinates: number[][];
                } | null;
                stops: {
                    seq: number;
                    ticketId: number;
                    number: string;
                    /** @enum {string} */
                    priority: "critical" | "high" | "normal";
                    /** @enum {string} */
                    status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
                    eta: string;
                    departAt: string;
                    travelMinutes: number;
                    serviceMinutes: number;
                    pinned: boolean;
                    lat: number;
                    lon: number;
                }[];
            }[];
            unplanned: {
                ticketId: number;
                number: string;
                /** @enum {string} */
                priority: "critical" | "high" | "normal";
                reason: string;
                message: string;
                lat: number;
                lon: number;
            }[];
        };
        PlanDiff: {
            planId: number;
            version: number;
            /** @enum {string} */
            status: "draft" | "published" | "discarded";
            /** @description The published version compared with (null: none, every stop is new) */
            against: {
                id: number;
                version: number;
            } | null;
            /** @description A draft made from a published version that is no longer the latest: publish refuses it (PLAN_STALE) unless rebase */
            stale: boolean;
            crews: {
                crewId: number;
                crewCode: string;
                crewName: string;
                changed: boolean;
                added: {
                    ticketId: number;
                    number: string;
                    /** @enum {string} */
                    priority: "critical" | "high" | "normal";
                }[];
                removed: {
                    ticketId: number;
                    number: string;
                    /** @enum {string} */
                    priority: "critical" | "high" | "normal";
                }[];
                movedIn: {
                    ticketId: number;
                    number: string;
                    /** @enum {string} */
                    priority: "critical" | "high" | "normal";
                    fromCrewId: number;
                }[];
                movedOut: {
                    ticketId: number;
                    number: string;
                    /** @enum {string} */
                    priority: "critical" | "high" | "normal";
                    toCrewId: number;
                }[];
                reordered: boolean;
                stops: {
                    before: number;
                    after: number;
                };
                km: {
                    before: number;
                    after: number;
                };
                hours: {
                    before: number;
                    after: number;
                };
            }[];
            unplanned: {
                ticketId: number;
                number: string;
                /** @enum {string} */
                priority: "critical" | "high" | "normal";
                reason: string;
                message: string;
                wasPlanned: boolean;
            }[];
        };
        PlanPublishResult: {
            /** @description false: the draft was stale and re-based; plan is the new draft to review */
            published: boolean;
            plan: components["schemas"]["Plan"];
        };
        DispatchSuggestions: {
            ticketId: number;
            number: string;
            /** @enum {string} */
            priority: "critical" | "high" | "normal";
            resolveDueAt: string | null;
            options: {
                crewId: number;
                crewCode: string;
                crewName: string;
                arrivalAt: string;
                /** @description Before which of the crew's pending stops it goes (null: after the last) */
                beforeTicketId: number | null;
                addedMinutes: number;
                addedKm: number;
                endAt: string;
                meetsDue: boolean;
                dropsTicketIds: number[];
            }[];
        };
        Inbox: {
            total: number;
            unread: number;
            items: components["schemas"]["Notification"][];
        };
        Notification: {
            id: number;
            /** @example escalation.resolve */
            kind: string;
            title: string;
            body: string;
            ticket: {
                id: number;
                number: string;
            } | null;
            escalation: {
                id: number;
                kind: string;
                level: number;
                role: string;
                dueAt: string;
                metAt: string | null;
            } | null;
            createdAt: string;
            readAt: string | null;
        };
        PendingReport: {
            /** @enum {string} */
            report: "pending";
            timeZone: string;
            asOf: string;
            minHours: number;
            total: number;
            explained: number;
            /** @description Counts by priority; untriaged for tickets without one */
            byPriority: {
                [key: string]: number;
            };
            items: {
                ticketId: number;
                number: string;
                receivedAt: string;
                ageHours: number;
                /** @enum {string|null} */
                priority: "critical" | "high" | "normal" | null;
                /** @enum {string} */
                status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
                region: string | null;
                crew: string | null;
                address: string | null;
                explanation: string | null;
                explainedBy: string | null;
                explainedAt: string | null;
            }[];
        };
        HeatmapReport: {
            /** @enum {string} */
            report: "heatmap";
            timeZone: string;
            window: {
                from: string;
                to: string;
            };
            zoom: number;
            /** @description H3 resolution of the cells */
            resolution: number;
            priorities: ("critical" | "high" | "normal")[] | null;
            bbox: number[] | null;
            total: number;
            maxCount: number;
            cells: {
                cell: string;
                count: number;
                lat: number;
                lon: number;
            }[];
        };
        PointsReport: {
            month: string;
            timeZone: string;
            pointsPerPriority: {
                critical: number;
                high: number;
                normal: number;
            };
            crews: {
                crewId: number;
                crewCode: string;
                crewName: string;
                /** @description Closed tickets credited in the month, by priority */
                credited: {
                    critical: number;
                    high: number;
                    normal: number;
                };
                reversals: number;
                creditedPoints: number;
                reversedPoints: number;
                points: number;
            }[];
            totalPoints: number;
        };
        ClientConfig: {
            utility: {
                code: string;
                name: string;
                timeZone: string;
                contact: string;
            };
            map: {
                /** @description minLon, minLat, maxLon, maxLat of the service area (WGS84) */
                bbox: number[];
                centre: {
                    lat: number;
                    lon: number;
                };
                basemapUrl: string | null;
                basemapAttribution: string | null;
            };
            categories: ("pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other")[];
            maxPhotoMb: number;
        };
        SettingsPatch: {
            sla?: {
                critical?: {
                    respondMinutes?: number;
                    resolveMinutes?: number;
                    /** @enum {string} */
                    escalateTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                };
                high?: {
                    respondMinutes?: number;
                    resolveMinutes?: number;
                    /** @enum {string} */
                    escalateTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                };
                normal?: {
                    respondMinutes?: number;
                    resolveMinutes?: number;
                    /** @enum {string} */
                    escalateTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                };
            };
            points?: {
                critical?: number;
                high?: number;
                normal?: number;
            };
            h3Resolution?: number;
            detourFactor?: number;
            speedKmh?: number;
            serviceMinutes?: {
                pipe_burst?: number;
                visible_leak?: number;
                meter_leak?: number;
                no_water?: number;
                other?: number;
            };
            blurThreshold?: number;
            reReportWindowHours?: number;
            repeatRadiusMetres?: number;
            repeatByNumberRadiusMetres?: number;
            repeatLinkDays?: number;
            nearbyRadiusMetres?: number;
            duplicateRadiusMetres?: number;
            duplicateWindowHours?: number;
            ratingWindowDays?: number;
            /** @enum {string} */
            planObjective?: "distance" | "makespan";
            contact?: string;
            escalation?: {
                /** @enum {string} */
                heavyEquipmentTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                lookbackHours?: number;
            };
            webhook?: {
                maxAttempts?: number;
                backoffBaseSeconds?: number;
                backoffMaxSeconds?: number;
                timeoutMs?: number;
            };
            notifications?: {
                /** @enum {string} */
                normalDigest?: "immediate" | "hourly" | "daily";
                dailyDigestAt?: string;
                quietHours?: {
                    start: string;
                    end: string;
                };
                channelOrder?: ("email" | "whatsapp" | "sms")[];
                optOutKeywords?: string[];
                /** @enum {string} */
                repeatReportTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                /** @enum {string} */
                incidentOverdueTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                /** @enum {string} */
                reopenedTo?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
                maxAttempts?: number;
                backoffBaseSeconds?: number;
                backoffMaxSeconds?: number;
                leaseSeconds?: number;
                publicBaseUrl?: "" | string;
            };
            planning?: {
                serviceExtraMinutes?: {
                    critical?: number;
                    high?: number;
                    normal?: number;
                };
                roadlessDistricts?: string[];
                maxReachKm?: number;
                solveMsPerCrew?: number;
            };
        };
        WebhookRegistration: {
            /** Format: uri */
            url: string;
            /** @description HMAC-SHA256 key; one is generated when omitted and returned once */
            secret?: string;
        };
        Incident: {
            id: number;
            title: string;
            /** @enum {string} */
            status: "active" | "repairing" | "restored";
            message: {
                id: string;
                en: string;
            };
            estimatedRestoreAt: string | null;
            createdAt: string;
            updatedAt: string;
            restoredAt: string | null;
            attachedTickets: number;
            /** @description GeoJSON MultiPolygon (WGS84) */
            area: {
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            };
        };
        IncidentCreate: {
            title: string;
            /** @description GeoJSON Polygon or MultiPolygon (WGS84) */
            area?: {
                /** @enum {string} */
                type: "Polygon" | "MultiPolygon";
                coordinates: unknown[];
            };
            centre?: {
                lat: number | string;
                lon: number | string;
            };
            radiusMetres?: number;
            /** @description What the affected reporters read, in Bahasa Indonesia */
            messageId: string;
            messageEn?: string;
            /** Format: date-time */
            estimatedRestoreAt?: string;
            /**
             * @description Also attach the reports already waiting inside the area
             * @default true
             */
            attachWaiting: boolean;
        };
        IncidentUpdate: {
            /** @enum {string} */
            status?: "active" | "repairing" | "restored";
            messageId?: string;
            messageEn?: string | null;
            /** Format: date-time */
            estimatedRestoreAt?: string | null;
        };
        CreatedUtility: {
            utility: {
                id: number;
                code: string;
                name: string;
                timeZone: string;
                jurisdictionId: string;
            };
            admin: {
                username: string;
                /** @description Shown this once; the admin must change it at the first login */
                password: string;
            };
        };
        CreateUtility: {
            /** @description Short name, lower case: parepare */
            code: string;
            /** @description PDAM Kota Parepare */
            name: string;
            /**
             * @description IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
             * @default Asia/Makassar
             */
            timeZone: string;
            /** @description Open311 jurisdiction_id when it is not the code */
            jurisdictionId?: string | null;
            /** @description default admin */
            adminUsername?: string;
            adminName?: string;
        };
        Open311Discovery: {
            changeset: string;
            contact: string;
            key_service: string;
            endpoints: {
                /** @enum {string} */
                specification: "http://wiki.open311.org/GeoReport_v2";
                url: string;
                changeset: string;
                /** @enum {string} */
                type: "production" | "test";
                formats: string[];
            }[];
        };
        Open311Errors: {
            /**
             * @description The HTTP status
             * @example 422
             */
            code: number;
            /**
             * @description Our stable error code, a colon, then the message
             * @example OUTSIDE_SERVICE_AREA: The location is outside the service area of PDAM Makassar
             */
            description: string;
        }[];
        Open311Service: {
            /** @enum {string} */
            service_code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            service_name: string;
            description: string;
            /** @enum {boolean} */
            metadata: false;
            /** @enum {string} */
            type: "realtime";
            keywords: string;
            group: string;
        };
        Open311ServiceDefinition: {
            /** @enum {string} */
            service_code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            /** @description Always empty: no service asks for more than the report itself */
            attributes: unknown[];
        };
        Open311ServiceRequest: {
            /** @example LK-2026-000123 */
            service_request_id: string;
            /** @enum {string} */
            status: "open" | "closed";
            /**
             * @description Our status, as a citizen reads it (Bahasa Indonesia)
             * @example SPK diterbitkan
             */
            status_notes: string;
            service_name: string;
            /** @enum {string} */
            service_code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            /** @description Phone numbers, e-mail addresses and the reporter's name in it are hidden */
            description: string | null;
            agency_responsible: string;
            service_notice: string | null;
            /** @example 2026-11-23T09:00:00+08:00 */
            requested_datetime: string;
            updated_datetime: string;
            /** @description The resolve target of the service standard; null once repaired or closed */
            expected_datetime: string | null;
            address: string | null;
            address_id: unknown;
            zipcode: unknown;
            lat: number;
            long: number;
            /** @description Always null: report photos are not published */
            media_url: unknown;
        };
        Open311PostAnswer: {
            /** @example LK-2026-000123 */
            service_request_id: string;
            service_notice: string;
            account_id: string | null;
        }[];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
