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
    "/api/v1/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The utility's staff accounts (deactivated ones too) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffAccount"][];
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
        /** Create a staff account; its generated password is returned once and must be changed at the first login (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StaffAccountInput"];
                };
            };
            responses: {
                /** @description the account and its one-time password */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffAccountWithPassword"];
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}": {
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
        /** Change the name, role, crew or phone, or deactivate (sessions end) / reactivate; the last active admin stays admin (audited). Accounts are never deleted */
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
                    "application/json": components["schemas"]["StaffAccountChange"];
                };
            };
            responses: {
                /** @description the account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffAccount"];
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
    "/api/v1/admin/staff/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new generated password, returned once, to be changed at the next login; the sessions end (audited) */
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
                /** @description the account and its one-time password */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffAccountWithPassword"];
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
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A citizen reports a leak (GPS required; a photo too, unless the utility made it optional for the category: GET /api/v1/config). Send an Idempotency-Key header to make retries safe. */
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
                        /**
                         * @description Messages by e-mail (with preferred_channel email)
                         * @example natalia@contoh.id
                         */
                        email?: string;
                        /**
                         * @description How the reporter wants to hear of the report: whatsapp, sms or email
                         * @enum {string|null}
                         */
                        preferred_channel?: "email" | "whatsapp" | "sms" | null;
                        /**
                         * @description The language of the messages: id (Bahasa Indonesia) or en
                         * @enum {string|null}
                         */
                        language?: "id" | "en" | null;
                        /** @description Proof of the phone (POST /api/v1/verifications, then /confirm): needed when the report would change a known reporter's name, e-mail, channel or language, or re-report a ticket by number from elsewhere (else 403 PHONE_NOT_PROVEN) */
                        phone_token?: string;
                        /** @description Open311 jurisdiction (utility code); optional on a single-utility install */
                        jurisdiction_id?: string;
                        /**
                         * Format: binary
                         * @description Required unless the category does not require one (GET /api/v1/config categoryDetails). JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels
                         */
                        photo?: string;
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
                /** @description Many reports are arriving at once: the report and its photo are safely stored and its ticket is made in a moment. Poll receiptUrl (Retry-After) for the receipt; a retry with the same Idempotency-Key gets the same token */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportAccepted"];
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
    "/api/v1/reports/receipts/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of a report answered 202: 202 while its ticket is being made, then what POST would have answered (201/200 with the receipt, or the refusal) */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report was added to an open ticket or reopened one */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportReceipt"];
                    };
                };
                /** @description The ticket was made */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportReceipt"];
                    };
                };
                /** @description Still being made: ask again after Retry-After */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportAccepted"];
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
                    /** @description priority: Critical, High, Normal, then the oldest first (repeat reports always lead) */
                    order?: "oldest" | "newest" | "priority";
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
                        /**
                         * @description Messages by e-mail (with preferred_channel email)
                         * @example natalia@contoh.id
                         */
                        email?: string;
                        /**
                         * @description How the reporter wants to hear of the report: whatsapp, sms or email
                         * @enum {string|null}
                         */
                        preferred_channel?: "email" | "whatsapp" | "sms" | null;
                        /**
                         * @description The language of the messages: id (Bahasa Indonesia) or en
                         * @enum {string|null}
                         */
                        language?: "id" | "en" | null;
                        /** @description Proof of the phone (POST /api/v1/verifications, then /confirm): needed when the report would change a known reporter's name, e-mail, channel or language, or re-report a ticket by number from elsewhere (else 403 PHONE_NOT_PROVEN) */
                        phone_token?: string;
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
                        /**
                         * @description Messages by e-mail (with preferred_channel email)
                         * @example natalia@contoh.id
                         */
                        email?: string;
                        /**
                         * @description How the reporter wants to hear of the report: whatsapp, sms or email
                         * @enum {string|null}
                         */
                        preferred_channel?: "email" | "whatsapp" | "sms" | null;
                        /**
                         * @description The language of the messages: id (Bahasa Indonesia) or en
                         * @enum {string|null}
                         */
                        language?: "id" | "en" | null;
                        /** @description Proof of the phone (POST /api/v1/verifications, then /confirm): needed when the report would change a known reporter's name, e-mail, channel or language, or re-report a ticket by number from elsewhere (else 403 PHONE_NOT_PROVEN) */
                        phone_token?: string;
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
    "/api/v1/tickets/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets as bare points for the dispatcher's map (id, lon, lat, priority, status as numbers in one flat array): 10,000 open tickets in one light answer */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the open statuses */
                    status?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The points */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketPoints"];
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @description What the reporter is told (the reason stays internal); a general sentence when omitted */
                        publicReason?: string;
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
                header?: {
                    /** @description A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
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
    "/api/v1/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reporter's view through the signed link of their receipt: status, whether they can add to it, their other reports */
        get: {
            parameters: {
                query?: {
                    /** @description The token of the follow-up link in the report receipt (followUpUrl) */
                    token?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUp"];
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
        /** The reporter adds a note and/or a photo to their open report (multipart, with the token of the receipt link) */
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
                        /** @description The token of the follow-up link in the report receipt (followUpUrl) */
                        token?: string;
                        note?: string;
                        jurisdiction_id?: string;
                        /** Format: binary */
                        photo: string;
                    };
                };
            };
            responses: {
                /** @description Added */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUp"];
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/follow-up/by-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A reporter's own reports by phone, once the phone is proven by a one-time code (POST /api/v1/verifications, then /confirm): number, status, dates and each report's follow-up link */
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
                        phone: string;
                        /** @description The token POST /api/v1/verifications/{id}/confirm answered for this phone (valid an hour) */
                        proof?: string;
                        jurisdiction_id?: string;
                    };
                };
            };
            responses: {
                /** @description The reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyReports"];
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reporter by phone: blocked or not, and the trail of blocks and unblocks (admin, operator) */
        get: {
            parameters: {
                query: {
                    phone: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reporter */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReporterRecord"];
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
    "/api/v1/reporters/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the block of a reporter, with the reason (admin, operator); kept in the reporter’s trail */
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
                        phone: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The reporter after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReporterRecord"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rating page of a closed report, through the signed link sent with the closing message */
        get: {
            parameters: {
                query?: {
                    /** @description The token of the rating link sent with the closing message */
                    token?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report to rate */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RatingForm"];
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
        /** The reporter rates the service once after closure (1-4, the IKM scale; optional elements and a comment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RatingBody"];
                };
            };
            responses: {
                /** @description Thank you */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            score: number;
                            ratedAt: string;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/ikm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Community satisfaction index (IKM, Kep MenPAN 25/2004) per month, region and crew, on the 25-100 scale with its grade */
        get: {
            parameters: {
                query?: {
                    /** @description First month (default: to) */
                    from?: string;
                    /** @description Last month (default: the current one) */
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
                /** @description The IKM report (JSON, or a CSV / XLSX download with format=csv|xlsx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IkmReport"];
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
    "/api/v1/charter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service charter (Maklumat Pelayanan), public: promised response and repair times per priority, last month’s attainment and IKM per region, the call-centre reply standard */
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
                /** @description The charter */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Charter"];
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
        /** The admin changes the charter’s texts (each in Bahasa Indonesia and English); the times come from the SLA settings */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CharterPatch"];
                };
            };
            responses: {
                /** @description The charter after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Charter"];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the utility's kelurahan and kecamatan by name (offline, ranked: exact, prefix, contains, then close spellings), then addresses through the configured geocoder */
        get: {
            parameters: {
                query: {
                    /** @description A kelurahan or kecamatan name, or its beginning (accents, case and spaces do not matter); an address when a geocoder is configured */
                    q: string;
                    limit?: number;
                    /** @description The reader's language, for the geocoder's address names */
                    lang?: "id" | "en";
                    jurisdiction_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Places, best first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlaceList"];
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
    "/api/v1/crews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active crews with their base and week of shifts */
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
    "/api/v1/admin/crews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every crew of the utility (inactive too) as the admin sets it up, members' phones included */
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
                            items: components["schemas"]["CrewSetup"][];
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
        /** Add a crew (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CrewInput"];
                };
            };
            responses: {
                /** @description the crew */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrewSetup"];
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/crews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a crew, or deactivate it with active: false (audited) */
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
                    "application/json": components["schemas"]["CrewInput"];
                };
            };
            responses: {
                /** @description the crew */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrewSetup"];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/crews/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import crews from a CSV or XLSX file (the template's columns): dryRun=true lists what would change and every problem by row and column; otherwise all rows or none, upsert by code */
        post: {
            parameters: {
                query?: {
                    dryRun?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description the preview, or what was imported */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrewImportPreview"];
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
    "/api/v1/admin/crews/template.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The crew import template (CSV): the columns and one example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the template */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/admin/crews/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The crew import template (XLSX): the columns and one example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the template */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                header?: {
                    /** @description 'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan */
                    prefer?: string;
                };
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
                /** @description With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
    "/api/v1/plan-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A solve job (a solving request sent with Prefer: respond-async): its state, what the planner is doing, the share of its time budget used, its place in line while the solver threads are busy; when done, the plan it made. Kept 15 minutes after it ends, on the instance that answered the 202 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
        /** Cancels a solve job: the solve stops (its solver thread is stopped) and nothing is stored. Answers once the job has stopped: state cancelled, or done when the plan was already being stored (it exists), or failed; a finished job is answered as it is */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job after the cancel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanJob"];
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
                    content: {
                        "application/geo+json": components["schemas"]["ZoneCollection"];
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
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages sent, waiting and failed, newest first, with counts per status (admin) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed" | "skipped";
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationDeliveries"];
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
    "/api/v1/notifications/deliveries/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every attempt to send one message (admin) */
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
                /** @description The attempts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationAttempt"][];
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
    "/api/v1/notifications/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed message again (admin) */
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
                /** @description Queued again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationRequeued"];
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
    "/api/v1/notifications/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Message texts per event and language, with the placeholders and their examples (admin, operator: the answer scripts) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageTemplates"];
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
    "/api/v1/notifications/templates/{kind}/{lang}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change one message text (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "ticket.received" | "ticket.spk_issued" | "ticket.assigned" | "ticket.fixed" | "ticket.closed" | "ticket.rejected" | "ticket.re_reported" | "ticket.attached" | "incident.updated" | "incident.restored" | "phone.code" | "escalation.respond" | "escalation.resolve" | "escalation.heavy_equipment" | "escalation.repeat" | "incident.overdue" | "ticket.reopened" | "digest.escalations";
                    lang: "id" | "en";
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MessageText"];
                };
            };
            responses: {
                /** @description The text as saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageTemplate"];
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
        post?: never;
        /** Back to the default text (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "ticket.received" | "ticket.spk_issued" | "ticket.assigned" | "ticket.fixed" | "ticket.closed" | "ticket.rejected" | "ticket.re_reported" | "ticket.attached" | "incident.updated" | "incident.restored" | "phone.code" | "escalation.respond" | "escalation.resolve" | "escalation.heavy_equipment" | "escalation.repeat" | "incident.overdue" | "ticket.reopened" | "digest.escalations";
                    lang: "id" | "en";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The default text */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageTemplate"];
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A text filled with example values (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MessageText"];
                };
            };
            responses: {
                /** @description The preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageText"];
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
    "/api/v1/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the utility reaches people: a provider per channel, secrets masked (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Channels */
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
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Configure e-mail (SMTP), WhatsApp (Cloud API or a gateway) or SMS (a gateway); a secret left out keeps the stored one (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "email" | "whatsapp" | "sms";
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["NotificationChannel"];
                };
            };
            responses: {
                /** @description Saved */
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
        /** Stop using a channel (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "email" | "whatsapp" | "sms";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/first-reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time to the first message to the reporter, per channel, against the 2 h standard (seed 004), for reports received in [from, to] (local dates) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per channel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FirstReplyReport"];
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
    "/api/v1/notifications/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A reporter’s reply entered by the operator: an opt-out keyword (STOP, BERHENTI) stops further messages, an opt-in keyword (START, MULAI) resumes them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReporterReply"];
                };
            };
            responses: {
                /** @description Whether it was an opt-out */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a one-time code to a phone (SMS or WhatsApp) to prove the reporter holds it; 3 codes per number per hour */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PhoneVerificationRequest"];
                };
            };
            responses: {
                /** @description Code sent */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PhoneVerificationStarted"];
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
    "/api/v1/verifications/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the code; answers a token that proves the number for an hour */
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
                    "application/json": components["schemas"]["PhoneVerificationCode"];
                };
            };
            responses: {
                /** @description Proven */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PhoneVerified"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbound/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WhatsApp Cloud API webhook: Meta's verify handshake (answers hub.challenge when hub.verify_token matches the channel's) */
        get: {
            parameters: {
                query: {
                    jurisdiction_id?: string;
                    "hub.mode": string;
                    "hub.verify_token": string;
                    "hub.challenge": string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The challenge, as text */
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
        /** WhatsApp Cloud API webhook: reporters' messages (signed with X-Hub-Signature-256); STOP/BERHENTI opts out, START/MULAI back in */
        post: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header: {
                    "X-Hub-Signature-256": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["WhatsappWebhook"];
                };
            };
            responses: {
                /** @description Taken in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundReceived"];
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
    "/api/v1/inbound/gateway/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A local gateway forwards a reporter's SMS or WhatsApp reply (shared secret in X-Gateway-Secret); STOP/BERHENTI opts out, START/MULAI back in */
        post: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header: {
                    "X-Gateway-Secret": string;
                };
                path: {
                    channel: "sms" | "whatsapp";
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GatewayReply"];
                };
            };
            responses: {
                /** @description Taken in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundReceived"];
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
    "/api/v1/tickets/{id}/reporter-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** How the ticket's reporter hears of their reports: channel and language (admin, operator; audited) */
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
                    "application/json": components["schemas"]["ReporterContactChange"];
                };
            };
            responses: {
                /** @description As saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReporterContact"];
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
        /** The utility's settings (SOP defaults merged with its own), its own overrides and the SOP defaults */
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
                    content: {
                        "application/json": components["schemas"]["SettingsAnswer"];
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
        /** Change some settings (admin; audited); a key set to null, at any depth, goes back to the SOP default */
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
                    content: {
                        "application/json": components["schemas"]["SettingsAnswer"];
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
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The utility's leak categories with their SOP defaults (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Categories */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CategoryList"];
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
    "/api/v1/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rename, tune or (de)activate a category (admin; audited): a deactivated one takes no new report, its tickets keep it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CategoryChange"];
                };
            };
            responses: {
                /** @description The categories after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CategoryList"];
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
    "/api/v1/geography": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The utility's service area and regions (admin), with the tickets and crews that refer to each region */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Area and regions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Geography"];
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
        /** Import the service area and/or regions (admin): valid, non-empty polygons, regions inside the area and not overlapping, each named; all or nothing; regions matched by name are reshaped in place, one referred to by tickets or crews is never deleted */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GeographyImport"];
                };
            };
            responses: {
                /** @description Written */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GeographyPlan"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/geography/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run of an import (admin): what would be written, the problems per feature, the area in km²; writes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GeographyImport"];
                };
            };
            responses: {
                /** @description The plan (ok: false lists the problems) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GeographyPlan"];
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
    "/open311/v2/discovery.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 service discovery: the GeoReport v2 endpoint, its formats (XML and JSON) and how to get an api_key */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
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
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/open311/v2/services.{format}": {
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
                path: {
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
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
                        "text/xml": string;
                    };
                };
                /** @description Error (400): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/open311/v2/services/{service_code}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service definition */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    service_code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
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
                        "text/xml": string;
                    };
                };
                /** @description Error (400): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/open311/v2/requests.{format}": {
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
                path: {
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
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
                        "text/xml": string;
                    };
                };
                /** @description Error (400): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (429): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        /** GeoReport v2: submit a leak report with an api_key, as the spec's application/x-www-form-urlencoded form or as multipart/form-data with the photo as the file `media` (our extension). lat, long and phone are required; the photo is the file `media` or a `media_url` on a host the utility allows (OPEN311_MEDIA_HOSTS). Every refusal of our intake applies. Send an Idempotency-Key header to make retries safe. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description The utility; optional: the api_key names its utility */
                        jurisdiction_id?: string;
                        /** @description Required. Also accepted as a query parameter */
                        api_key?: string;
                        /** @example pipe_burst */
                        service_code: string;
                        /**
                         * @description The position the crew goes to (WGS84); without it, an address_string naming the kelurahan
                         * @example -5.1477
                         */
                        lat?: number;
                        /**
                         * @description With lat
                         * @example 119.4327
                         */
                        long?: number;
                        /** @description Without lat/long: placed by the kelurahan it names (the utility's own boundaries), else 400 naming it */
                        address_string?: string;
                        /** @description Kept for staff; alone it is refused (no address register here) */
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
                        /** @description The photo by link: fetched when its host is on OPEN311_MEDIA_HOSTS; otherwise the report waits for staff behind a token, the link kept for them */
                        media_url?: string;
                    };
                    "multipart/form-data": {
                        /** @description The utility; optional: the api_key names its utility */
                        jurisdiction_id?: string;
                        /** @description Required. Also accepted as a query parameter */
                        api_key?: string;
                        /** @example pipe_burst */
                        service_code: string;
                        /**
                         * @description The position the crew goes to (WGS84); without it, an address_string naming the kelurahan
                         * @example -5.1477
                         */
                        lat?: number;
                        /**
                         * @description With lat
                         * @example 119.4327
                         */
                        long?: number;
                        /** @description Without lat/long: placed by the kelurahan it names (the utility's own boundaries), else 400 naming it */
                        address_string?: string;
                        /** @description Kept for staff; alone it is refused (no address register here) */
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
                        /** @description The photo by link: fetched when its host is on OPEN311_MEDIA_HOSTS; otherwise the report waits for staff behind a token, the link kept for them */
                        media_url?: string;
                        /**
                         * Format: binary
                         * @description The photo: JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels
                         */
                        media: string;
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
                        "text/xml": string;
                    };
                };
                /** @description Created: the new ticket number */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311PostAnswer"];
                        "text/xml": string;
                    };
                };
                /** @description Error (400): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (403): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (429): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/open311/v2/requests/{service_request_id}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service request: one report by its ticket number (a list of one) */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    service_request_id: string;
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
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
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/open311/v2/tokens/{token}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2: the ticket number of a submission that waited for staff (empty while it waits; 404 once refused, with the reason) */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    token: string;
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The token and its service_request_id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311TokenAnswer"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/open311/v2/servicerequestupdates.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FixMyStreet's servicerequestupdates extension: every step of the utility's tickets in a window (default the last 24 hours, at most 90 days), oldest first, at most 1000; statuses OPEN, INVESTIGATING, ACTION_SCHEDULED, IN_PROGRESS, FIXED, CLOSED, NO_FURTHER_ACTION, REOPEN */
        get: {
            parameters: {
                query?: {
                    /** @description The utility (Open311 jurisdiction); optional on a single-utility install */
                    jurisdiction_id?: string;
                    /** @description Accepted and not needed (FixMyStreet sends it) */
                    api_key?: string;
                    /** @description W3C date-time with a zone, or a date; default: 24 hours before end_date */
                    start_date?: string;
                    /** @description Inclusive; default now; at most 90 days after start_date */
                    end_date?: string;
                };
                header?: never;
                path: {
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Request updates (XML root service_requests_updates, items request_update) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311RequestUpdate"][];
                        "text/xml": string;
                    };
                };
                /** @description Error (400): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        /** FixMyStreet's POST servicerequestupdates (mySociety's extension), with an api_key: its user's comment on a ticket becomes a note for staff in the ticket's trail; status REOPEN (or OPEN on a repaired or closed ticket) is a repeat report: reopened within the re-report window (seed 003). Answers [{update_id}] (XML root service_request_updates, item request_update); the same update_id again answers the same. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The answer format: xml (the spec's required one, text/xml) or json */
                    format: "xml" | "json";
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description The utility; optional: the api_key names its utility */
                        jurisdiction_id?: string;
                        /** @description Required. Also accepted as a query parameter */
                        api_key?: string;
                        /** @example LK-2026-000123 */
                        service_request_id: string;
                        /** @description The client's id of the update: the same update_id again (a retry) is answered with the first answer */
                        update_id: string;
                        /** @example 2026-11-23T19:00:00+08:00 */
                        updated_datetime: string;
                        /** @description REOPEN (or OPEN on a repaired or closed ticket): the problem is back, a repeat report (seed 003); any other: a note for staff */
                        status: string;
                        /** @description The user's comment */
                        description?: string;
                        first_name?: string;
                        last_name?: string;
                        title?: string;
                        /** @description Accepted and not stored */
                        email?: string;
                        /** @description Accepted and not stored */
                        phone?: string;
                        /** @description Kept as a link for staff (never fetched here) */
                        media_url?: string;
                        account_id?: string;
                        /** @description Accepted and ignored */
                        email_alerts_requested?: string;
                    };
                    "multipart/form-data": {
                        /** @description The utility; optional: the api_key names its utility */
                        jurisdiction_id?: string;
                        /** @description Required. Also accepted as a query parameter */
                        api_key?: string;
                        /** @example LK-2026-000123 */
                        service_request_id: string;
                        /** @description The client's id of the update: the same update_id again (a retry) is answered with the first answer */
                        update_id: string;
                        /** @example 2026-11-23T19:00:00+08:00 */
                        updated_datetime: string;
                        /** @description REOPEN (or OPEN on a repaired or closed ticket): the problem is back, a repeat report (seed 003); any other: a note for staff */
                        status: string;
                        /** @description The user's comment */
                        description?: string;
                        first_name?: string;
                        last_name?: string;
                        title?: string;
                        /** @description Accepted and not stored */
                        email?: string;
                        /** @description Accepted and not stored */
                        phone?: string;
                        /** @description Kept as a link for staff (never fetched here) */
                        media_url?: string;
                        account_id?: string;
                        /** @description Accepted and ignored */
                        email_alerts_requested?: string;
                    };
                };
            };
            responses: {
                /** @description The update, recorded (or recorded before: the same answer) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311UpdateAnswer"];
                        "text/xml": string;
                    };
                };
                /** @description Error (400): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (403): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (404): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
                    };
                };
                /** @description Error (429): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                        "text/xml": string;
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
    "/api/v1/open311/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 submissions waiting for staff (the photo only a link to a host not fetched from; before issue 13, also ones placed by an address only): oldest first (admin, operator) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The queue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311QueuedSubmission"][];
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
    "/api/v1/open311/queue/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a queued Open311 submission in as a ticket, at the position staff found (admin, operator); its token then answers the ticket number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Where the ticket goes; default the submission's own position (required for one queued with an address only, before addresses were placed by kelurahan) */
                        lat?: number;
                        lon?: number;
                    };
                };
            };
            responses: {
                /** @description The ticket */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            service_request_id: string;
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
    "/api/v1/open311/queue/{token}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a queued Open311 submission with a reason (admin, operator); its token then answers 404 with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Refused */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /** @enum {boolean} */
                            refused: true;
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
        StaffAccount: {
            id: number;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
            crewId: number | null;
            crewCode: string | null;
            phone: string | null;
            active: boolean;
            mustChangePassword: boolean;
            createdAt: string;
        };
        StaffAccountWithPassword: {
            account: components["schemas"]["StaffAccount"];
            /** @description generated; shown this once, to be changed at the first login */
            password: string;
        };
        StaffAccountInput: {
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
            /** @description the crew a crew leader (role crew) leads */
            crewId?: number | null;
            phone?: string | null;
        };
        StaffAccountChange: {
            displayName?: string;
            /** @enum {string} */
            role?: "admin" | "operator" | "dispatcher" | "crew" | "kasie" | "kabag" | "direktur";
            crewId?: number | null;
            phone?: string | null;
            /** @description false: the account cannot log in and its sessions end */
            active?: boolean;
        };
        ReportReceipt: {
            /** @example LK-2026-000123 */
            number: string;
            /** @enum {string} */
            status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
            statusUrl: string;
            receivedAt: string;
            /** @description Null until the photo is analysed (blur check), a moment after the acknowledgment; then on the ticket */
            photoBlurred: boolean | null;
            /** @description The photo is being analysed after the acknowledgment (blur score, EXIF); its result is on the ticket when done */
            photoAnalysing: boolean;
            region: string | null;
            kelurahan: string | null;
            /** @description A repeat report (seed 003): re_report reopened the done ticket named in number (answer 200); new_linked is a new urgent ticket linked to an earlier one */
            repeat: ({
                /** @enum {string} */
                kind: "re_report";
                repeatCount: number;
                /**
                 * @description crew: the fixed ticket went back to its crew; review: a ticket closed by its restored area incident went back to the admin's queue
                 * @enum {string}
                 */
                reopenedFor: "crew" | "review";
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
        ReportAccepted: {
            /** @example 3f0c8a52-5b7e-4c2b-9a51-0d6f1e2b7c44 */
            token: string;
            /** @enum {string} */
            state: "pending";
            /** @description Poll it (after retryAfterSeconds): 202 while pending, then the receipt (201/200) or the refusal (4xx), as POST would have answered */
            receiptUrl: string;
            receivedAt: string;
            retryAfterSeconds: number;
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
                /** @description The report photo is being analysed (photoBlurred is null until it is done) */
                photoAnalysing: boolean;
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
        TicketPoints: {
            /** @description How many tickets match (more than the points when truncated) */
            total: number;
            truncated: boolean;
            /** @description The fields of each point, in order: id, lon, lat, priority, status */
            fields: string[];
            /** @description priority is an index into this list; -1: not yet prioritised */
            priorities: ("critical" | "high" | "normal")[];
            /** @description status is an index into this list */
            statuses: ("received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded")[];
            /** @description Flat: fields.length numbers per ticket, Critical first then the oldest */
            points: number[];
        };
        Ticket: components["schemas"]["TicketSummary"] & {
            /** @description Only to the admin, the operator and the crew assigned to the ticket; null for every other role */
            reporter: {
                name: string | null;
                phone: string | null;
                /** @description The reporter's own address as first given */
                address: string | null;
                blocked: boolean;
                /**
                 * @description How the reporter hears of their reports (null: the utility's order)
                 * @enum {string|null}
                 */
                preferredChannel: "email" | "whatsapp" | "sms" | null;
                /** @enum {string} */
                language: "id" | "en";
                /** @description The reporter replied STOP: no messages go to them */
                optedOut: boolean;
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
                /** @description Variance of the Laplacian; null while analysing or when damaged */
                blurScore: number | null;
                /** @description Null while the analysis runs (a moment after the report) */
                blurred: boolean | null;
                /** @description The photo is being analysed: blur score, EXIF and thumbnail come shortly */
                analysing: boolean;
                /** @description The header read but the pixels did not decode (treated as blurred) */
                damaged: boolean;
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
        FollowUp: {
            report: components["schemas"]["PublicStatus"];
            /** @description A note or photo can still be added (the ticket is open) */
            canAdd: boolean;
            /** @description The reporter's reports, newest first */
            reports: {
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
            }[];
        };
        MyReports: {
            /** @description The reports of this phone, newest first (a report merged into another shows as that one); no one else's data */
            reports: {
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
                /** @description The latest step of the report */
                lastChangeAt: string;
                /** @description The report's follow-up link: add a note or a photo while it is open */
                followUpUrl: string;
            }[];
        };
        ReporterRecord: {
            phone: string;
            name: string | null;
            blocked: boolean;
            blockedReason: string | null;
            events: {
                /** @enum {string} */
                action: "block" | "unblock";
                reason: string;
                by: string | null;
                at: string;
            }[];
        };
        RatingForm: {
            number: string;
            /** @enum {string} */
            status: "received" | "attached" | "merged" | "rejected" | "spk_issued" | "assigned" | "on_site" | "escalated" | "fixed" | "closed" | "answered" | "forwarded";
            statusLabel: {
                id: string;
                en: string;
            };
            closedAt: string | null;
            rated: boolean;
            /** @description The report can be rated now (closed, within the window, not rated yet) */
            open: boolean;
            elements: {
                /** @enum {string} */
                key: "procedure" | "requirements" | "clarity" | "discipline" | "responsibility" | "competence" | "speed" | "fairness" | "courtesy" | "cost_fairness" | "cost_certainty" | "schedule_certainty" | "comfort" | "security";
                label: {
                    id: string;
                    en: string;
                };
            }[];
        };
        RatingBody: {
            /** @description The token of the rating link sent with the closing message */
            token?: string;
            /** @description 1 tidak baik / bad, 2 kurang baik / poor, 3 baik / good, 4 sangat baik / very good */
            score: number;
            /**
             * @description Optional scores of the elements of the index (Kep MenPAN 25/2004)
             * @default {}
             */
            elements: {
                procedure?: number;
                requirements?: number;
                clarity?: number;
                discipline?: number;
                responsibility?: number;
                competence?: number;
                speed?: number;
                fairness?: number;
                courtesy?: number;
                cost_fairness?: number;
                cost_certainty?: number;
                schedule_certainty?: number;
                comfort?: number;
                security?: number;
            };
            comment?: string;
            jurisdiction_id?: string;
        };
        IkmReport: {
            /** @enum {string} */
            report: "ikm";
            timeZone: string;
            months: {
                from: string;
                to: string;
            };
            total: {
                respondents: number;
                unitValue: number | null;
                index: number | null;
                /** @enum {string|null} */
                grade: "A" | "B" | "C" | "D" | null;
                gradeLabel: {
                    id: string;
                    en: string;
                } | null;
                elementMeans: {
                    [key: string]: number;
                } | null;
            };
            byMonth: {
                month: string;
                respondents: number;
                unitValue: number | null;
                index: number | null;
                /** @enum {string|null} */
                grade: "A" | "B" | "C" | "D" | null;
                gradeLabel: {
                    id: string;
                    en: string;
                } | null;
                elementMeans: {
                    [key: string]: number;
                } | null;
            }[];
            byRegion: {
                month: string;
                region: string | null;
                respondents: number;
                unitValue: number | null;
                index: number | null;
                /** @enum {string|null} */
                grade: "A" | "B" | "C" | "D" | null;
                gradeLabel: {
                    id: string;
                    en: string;
                } | null;
                elementMeans: {
                    [key: string]: number;
                } | null;
            }[];
            byCrew: {
                month: string;
                crew: string | null;
                respondents: number;
                unitValue: number | null;
                index: number | null;
                /** @enum {string|null} */
                grade: "A" | "B" | "C" | "D" | null;
                gradeLabel: {
                    id: string;
                    en: string;
                } | null;
                elementMeans: {
                    [key: string]: number;
                } | null;
            }[];
        };
        Charter: {
            utility: {
                code: string;
                name: string;
                contact: string;
            };
            texts: {
                title: {
                    id: string;
                    en: string;
                };
                pledge: {
                    id: string;
                    en: string;
                };
                replyStandard: {
                    id: string;
                    en: string;
                };
                complaints: {
                    id: string;
                    en: string;
                };
            };
            promises: {
                /** @enum {string} */
                priority: "critical" | "high" | "normal";
                respondMinutes: number;
                resolveMinutes: number;
            }[];
            /** @description The month the achieved figures are of (last month, YYYY-MM) */
            month: string;
            achieved: {
                total: {
                    tickets: number;
                    /** @description Share of tickets responded within the promised time (met / decided), % */
                    respondPercent: number | null;
                    resolvePercent: number | null;
                    /** @description IKM on the 25-100 scale */
                    ikm: number | null;
                    /** @enum {string|null} */
                    ikmGrade: "A" | "B" | "C" | "D" | null;
                    respondents: number;
                };
                regions: {
                    region: string;
                    tickets: number;
                    /** @description Share of tickets responded within the promised time (met / decided), % */
                    respondPercent: number | null;
                    resolvePercent: number | null;
                    /** @description IKM on the 25-100 scale */
                    ikm: number | null;
                    /** @enum {string|null} */
                    ikmGrade: "A" | "B" | "C" | "D" | null;
                    respondents: number;
                }[];
            };
        };
        CharterPatch: {
            title?: {
                id: string;
                en: string;
            };
            pledge?: {
                id: string;
                en: string;
            };
            replyStandard?: {
                id: string;
                en: string;
            };
            complaints?: {
                id: string;
                en: string;
            };
        };
        PlaceList: {
            items: {
                /** @enum {string} */
                kind: "kecamatan" | "kelurahan" | "address";
                /** @description BPS code of a kelurahan or kecamatan; null for an address */
                code: string | null;
                name: string;
                /** @description The kecamatan of a kelurahan */
                district: string | null;
                /** @description A point inside the place: where a report set from the search lands */
                lon: number;
                lat: number;
                /** @description minLon, minLat, maxLon, maxLat: what the map zooms to */
                bbox: number[];
            }[];
            /**
             * @description off: none configured; skipped: the names filled the answer or the query is short; failed: it did not answer in time (names only)
             * @enum {string}
             */
            geocoder: "off" | "used" | "skipped" | "failed";
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
            shifts: components["schemas"]["CrewWeek"];
            /** @description YYYY-MM-DD, local; null: open */
            activeFrom: string | null;
            activeTo: string | null;
            equipment: string[];
        };
        CrewWeek: {
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            mon: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            tue: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            wed: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            thu: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            fri: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            sat: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
            /** @description local HH:MM; null: day off; an end before the start: a night shift */
            sun: {
                /** @example 07:30 */
                start: string;
                /** @example 16:00 */
                end: string;
            } | null;
        };
        CrewSetup: {
            id: number;
            code: string;
            name: string;
            regionId: number | null;
            base: {
                lat: number;
                lon: number;
            } | null;
            baseAddress: string | null;
            members: {
                name: string;
                phone: string | null;
            }[];
            shifts: components["schemas"]["CrewWeek"];
            /** @description YYYY-MM-DD, local; null: open */
            activeFrom: string | null;
            activeTo: string | null;
            equipment: string[];
            active: boolean;
        };
        CrewInput: {
            code: string;
            name: string;
            /** @description where the crew starts and ends its day; required for an active crew */
            base: {
                lat: number;
                lon: number;
            } | null;
            baseAddress?: string | null;
            /** @default [] */
            members: {
                name: string;
                phone?: string | null;
            }[];
            shifts: components["schemas"]["CrewWeek"];
            activeFrom?: string | null;
            activeTo?: string | null;
            /**
             * @description equipment or skills
             * @default []
             */
            equipment: string[];
            /** @default true */
            active: boolean;
        };
        CrewImportPreview: {
            rows: {
                row: number;
                code: string;
                name: string;
                /** @enum {string} */
                action: "create" | "update";
            }[];
            problems: {
                /** @description spreadsheet row; the header is row 1 */
                row: number;
                column: string;
                message: string;
                /** @description the same, in Bahasa Indonesia */
                messageId: string;
            }[];
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
                /** @description The trip as a GeoJSON LineString (lon, lat) from the base through the stops in order back to the base: along the streets when the utility has a road network, else straight between them; null: no stops */
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
        PlanJob: {
            id: string;
            /** @description What was asked, e.g. 'POST /api/v1/plans' */
            request: string;
            /**
             * @description queued: waiting for a free solver thread; running; done: the plan is stored (result); failed (error); cancelled: stopped, nothing stored
             * @enum {string}
             */
            state: "queued" | "running" | "done" | "failed" | "cancelled";
            /**
             * @description reading the day; waiting for a solver thread; grouping tickets into zones; searching routes; polishing routes (which tickets are served); finishing (reasons, baseline, storing the draft); done
             * @enum {string}
             */
            step: "reading" | "waiting" | "zoning" | "routing" | "polishing" | "finishing" | "done";
            /** @description 0-100: the share of the solve's time budget used (99 at most until the plan is stored, then 100) */
            percent: number;
            /** @description Since the job started (to its end once it ended) */
            elapsedMs: number;
            /** @description The solve's time budget (null: the planner has not started) */
            budgetMs: number | null;
            /** @description Place in line while every solver thread is busy (1: next); null otherwise */
            queuePosition: number | null;
            createdAt: string;
            /** @description state done: the plan made (GET href) */
            result: {
                planId: number;
                version: number;
                /** @description For a publish: false when the draft was re-based into a new draft */
                published: boolean | null;
                href: string;
            } | null;
            /** @description state failed: the refusal the request would have answered (status, code, English and Bahasa Indonesia) */
            error: {
                status: number;
                code: string;
                message: string;
                messageId: string;
                field?: string;
                details: {
                    [key: string]: unknown;
                };
            } | null;
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
        ZoneCollection: {
            /** @enum {string} */
            type: "FeatureCollection";
            date: string;
            /** @description H3 resolution of the cells */
            resolution: number;
            /** @description The work one zone is sized to, minutes */
            zoneCapacityMinutes: number;
            /** @description The day's plan the crews come from (a draft under review, else the published one); null: none */
            planId: number | null;
            features: {
                /** @enum {string} */
                type: "Feature";
                id: string;
                geometry: {
                    /** @enum {string} */
                    type: "MultiPolygon";
                    coordinates: number[][][][];
                };
                properties: {
                    zoneId: string;
                    resolution: number;
                    cells: string[];
                    ticketCount: number;
                    ticketIds: number[];
                    serviceMinutes: number;
                    travelMinutes: number;
                    workMinutes: number;
                    /** @description The crew the zone went to in that plan; null: none */
                    crewId: number | null;
                };
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
            /** @description The message in Bahasa Indonesia and English (the console shows the one of its language switch) */
            text: {
                id: {
                    subject: string;
                    body: string;
                };
                en: {
                    subject: string;
                    body: string;
                } | null;
            } | null;
            /** @description A digest's tickets */
            items: {
                ticketId: number;
                number: string;
            }[] | null;
            createdAt: string;
            readAt: string | null;
        };
        NotificationDeliveries: {
            total: number;
            counts: {
                [key: string]: number;
            };
            items: components["schemas"]["NotificationDelivery"][];
        };
        NotificationDelivery: {
            id: number;
            /** @example ticket.received */
            kind: string;
            ticketNumber: string | null;
            /** @enum {string} */
            channel: "inbox" | "email" | "whatsapp" | "sms";
            recipient: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed" | "skipped";
            attempts: number;
            nextAttemptAt: string;
            deliveredAt: string | null;
            lastError: string | null;
            createdAt: string;
        };
        NotificationAttempt: {
            attempt: number;
            at: string;
            ok: boolean;
            error: string | null;
            providerRef: string | null;
            durationMs: number;
        };
        NotificationRequeued: {
            id: number;
            /** @enum {string} */
            status: "pending";
        };
        MessageTemplates: {
            placeholders: {
                [key: string]: string;
            };
            items: components["schemas"]["MessageTemplate"][];
        };
        MessageTemplate: {
            /** @enum {string} */
            kind: "ticket.received" | "ticket.spk_issued" | "ticket.assigned" | "ticket.fixed" | "ticket.closed" | "ticket.rejected" | "ticket.re_reported" | "ticket.attached" | "incident.updated" | "incident.restored" | "phone.code" | "escalation.respond" | "escalation.resolve" | "escalation.heavy_equipment" | "escalation.repeat" | "incident.overdue" | "ticket.reopened" | "digest.escalations";
            /** @enum {string} */
            audience: "reporter" | "staff";
            /** @enum {string} */
            lang: "id" | "en";
            subject: string;
            body: string;
            isDefault: boolean;
            updatedAt: string | null;
        };
        MessageText: {
            subject: string;
            body: string;
        };
        NotificationChannel: {
            /** @enum {string} */
            provider: "smtp";
            config: {
                host: string;
                port: number;
                secure?: boolean;
                user?: string;
                password?: string;
                from: string;
            };
            /** @default true */
            active: boolean;
        } | {
            /** @enum {string} */
            provider: "whatsapp_cloud";
            config: {
                /** Format: uri */
                baseUrl?: string;
                apiVersion?: string;
                phoneNumberId: string;
                accessToken?: string;
                /**
                 * @description Outside WhatsApp's 24-hour window only approved templates go: the template per message kind and language, mirroring the utility's text ({{1}}, {{2}}, ... = its placeholders in order)
                 * @example {
                 *       "ticket.received": {
                 *         "id": "laporan_diterima",
                 *         "en": "report_received"
                 *       }
                 *     }
                 */
                templates?: {
                    "ticket.received"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.spk_issued"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.assigned"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.fixed"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.closed"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.rejected"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.re_reported"?: {
                        id?: string;
                        en?: string;
                    };
                    "ticket.attached"?: {
                        id?: string;
                        en?: string;
                    };
                    "incident.updated"?: {
                        id?: string;
                        en?: string;
                    };
                    "incident.restored"?: {
                        id?: string;
                        en?: string;
                    };
                    "phone.code"?: {
                        id?: string;
                        en?: string;
                    };
                };
                /** @description Inbound webhook: the verify token of the GET handshake */
                verifyToken?: string;
                /** @description Inbound webhook: the app secret that signs each POST (X-Hub-Signature-256) */
                appSecret?: string;
            };
            /** @default true */
            active: boolean;
        } | {
            /** @enum {string} */
            provider: "http_gateway";
            config: {
                url: string;
                /** @enum {string} */
                method?: "POST" | "GET";
                authHeaderName?: string;
                authHeaderValue?: string;
                contentType?: string;
                /** @default  */
                bodyTemplate: string;
                /** @description Inbound webhook: the shared secret the gateway sends in X-Gateway-Secret with each forwarded reply */
                inboundSecret?: string;
            };
            /** @default true */
            active: boolean;
        };
        FirstReplyReport: {
            standardMinutes: number;
            from: string;
            to: string;
            channels: {
                /** @description 'none': reports no message has reached yet */
                channel: string;
                tickets: number;
                withinStandard: number;
                withinStandardPct: number;
                medianMinutes: number | null;
                p90Minutes: number | null;
            }[];
        };
        ReporterReply: {
            phone: string;
            text: string;
        };
        PhoneVerificationStarted: {
            id: number;
            expiresAt: string;
        };
        PhoneVerificationRequest: {
            /** @example 0812-3456-7890 */
            phone: string;
            /**
             * @default id
             * @enum {string}
             */
            lang: "id" | "en";
            jurisdiction_id?: string;
        };
        PhoneVerified: {
            token: string;
            phone: string;
            validUntil: string;
        };
        PhoneVerificationCode: {
            code: string;
            jurisdiction_id?: string;
        };
        InboundReceived: {
            /** @description Messages from reporters taken in */
            received: number;
            optedOut: number;
            optedIn: number;
        };
        WhatsappWebhook: {
            object: string;
            entry: {
                changes: {
                    field?: string;
                    value: {
                        messages?: ({
                            from: string;
                            type: string;
                            text?: {
                                body: string;
                            };
                            button?: {
                                text: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                }[];
            }[];
        };
        GatewayReply: {
            /** @example 0812-3456-7890 */
            from: string;
            text: string;
        };
        ReporterContact: components["schemas"]["ReporterContactChange"] & {
            optedOut: boolean;
        };
        ReporterContactChange: {
            /**
             * @description whatsapp, sms or email; null: the utility's order
             * @enum {string|null}
             */
            preferredChannel: "email" | "whatsapp" | "sms" | null;
            /** @enum {string} */
            language: "id" | "en";
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
                /** @description The hexagon to draw: its corners as [lon, lat] */
                boundary: number[][];
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
            /** @description The categories the utility takes reports of (active), in its order */
            categories: ("pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other")[];
            /** @description The same with the utility's names, whether a citizen's report needs a photo, and the priority the SPK starts from */
            categoryDetails: {
                /** @enum {string} */
                code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
                name: {
                    id: string;
                    en: string;
                };
                photoRequired: boolean;
                /** @enum {string} */
                defaultPriority: "critical" | "high" | "normal";
            }[];
            maxPhotoMb: number;
        };
        SettingsAnswer: {
            /** @description In force: the SOP defaults merged with the overrides */
            settings: {
                [key: string]: unknown;
            };
            /** @description The utility's own values */
            overrides: {
                [key: string]: unknown;
            };
            /** @description The SOP's values (server/core/domain/settings.ts) */
            defaults: {
                [key: string]: unknown;
            };
        };
        SettingsPatch: {
            categories?: {
                pipe_burst?: {
                    name?: {
                        id?: string;
                        en?: string;
                    };
                    /** @enum {string} */
                    defaultPriority?: "critical" | "high" | "normal";
                    photoRequired?: boolean;
                    active?: boolean;
                };
                visible_leak?: {
                    name?: {
                        id?: string;
                        en?: string;
                    };
                    /** @enum {string} */
                    defaultPriority?: "critical" | "high" | "normal";
                    photoRequired?: boolean;
                    active?: boolean;
                };
                meter_leak?: {
                    name?: {
                        id?: string;
                        en?: string;
                    };
                    /** @enum {string} */
                    defaultPriority?: "critical" | "high" | "normal";
                    photoRequired?: boolean;
                    active?: boolean;
                };
                no_water?: {
                    name?: {
                        id?: string;
                        en?: string;
                    };
                    /** @enum {string} */
                    defaultPriority?: "critical" | "high" | "normal";
                    photoRequired?: boolean;
                    active?: boolean;
                };
                other?: {
                    name?: {
                        id?: string;
                        en?: string;
                    };
                    /** @enum {string} */
                    defaultPriority?: "critical" | "high" | "normal";
                    photoRequired?: boolean;
                    active?: boolean;
                };
            };
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
                optInKeywords?: string[];
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
            roads?: {
                speedsKmh?: {
                    [key: string]: number;
                };
                snapLimitMetres?: number;
            };
        };
        WebhookRegistration: {
            /** Format: uri */
            url: string;
            /** @description HMAC-SHA256 key; one is generated when omitted and returned once */
            secret?: string;
        };
        CategoryList: {
            items: components["schemas"]["Category"][];
        };
        Category: {
            /** @enum {string} */
            code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            name: {
                id: string;
                en: string;
            };
            defaultName: {
                id: string;
                en: string;
            };
            /** @enum {string} */
            defaultPriority: "critical" | "high" | "normal";
            repairMinutes: number;
            defaultRepairMinutes: number;
            photoRequired: boolean;
            active: boolean;
        };
        CategoryChange: {
            name?: {
                id?: string;
                en?: string;
            };
            /** @enum {string} */
            defaultPriority?: "critical" | "high" | "normal";
            photoRequired?: boolean;
            active?: boolean;
            repairMinutes?: number;
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
        Geography: {
            /** @description MultiPolygon; null until the admin imports one */
            area: {
                [key: string]: unknown;
            } | null;
            areaKm2: number | null;
            regions: {
                /** @enum {string} */
                type: "FeatureCollection";
                features: {
                    /** @enum {string} */
                    type: "Feature";
                    id: number;
                    properties: {
                        code: string;
                        name: string;
                        km2: number;
                        tickets: number;
                        crews: number;
                    };
                    geometry: {
                        [key: string]: unknown;
                    };
                }[];
            };
        };
        GeographyPlan: {
            ok: boolean;
            nameProperty: string | null;
            properties: string[];
            /** @enum {string} */
            areaFrom: "file" | "regions" | "stored";
            areaKm2: number | null;
            regions: {
                name: string;
                code: string;
                /** @enum {string} */
                action: "create" | "reshape";
                id: number | null;
                features: number[];
                km2: number;
            }[];
            removed: {
                id: number;
                code: string;
                name: string;
                tickets: number;
                crews: number;
                /** @enum {string} */
                action: "delete" | "refused";
            }[];
            problems: components["schemas"]["GeographyProblem"][];
        };
        GeographyProblem: {
            /** @enum {string} */
            layer: "area" | "regions";
            /** @description 0-based index of the feature in its file; null: the file as a whole or a stored region */
            feature: number | null;
            name: string | null;
            /** @description not_geojson, too_large, too_many_features, wrong_type, bad_coordinates, too_few_points, ring_not_closed, missing_name, empty, self_intersection, invalid, overlap, outside_area, no_area, region_in_use */
            reason: string;
            message: string;
            messageId: string;
            details?: {
                [key: string]: unknown;
            };
        };
        GeographyImport: {
            /** @description The service regions, one per name (features of one name form one region); replaces the stored set */
            regions?: {
                [key: string]: unknown;
            };
            /** @description The service area; 'regions': the union of the regions; omitted: the stored area stays */
            area?: {
                [key: string]: unknown;
            } | "regions";
            /** @description The feature property that names a region (default: name, nama, …, else the first string property) */
            nameProperty?: string;
            /**
             * @description For the audit trail
             * @enum {string}
             */
            source?: "file" | "drawing";
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
                formats: ("text/xml" | "application/json")[];
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
            /**
             * @description Each service has a definition (services/{service_code}) with optional attributes
             * @enum {boolean}
             */
            metadata: true;
            /** @enum {string} */
            type: "realtime";
            keywords: string;
            group: string;
        };
        Open311ServiceDefinition: {
            /** @enum {string} */
            service_code: "pipe_burst" | "visible_leak" | "meter_leak" | "no_water" | "other";
            /** @description Sent back as attribute[code]=key on POST requests */
            attributes: {
                variable: boolean;
                code: string;
                /** @enum {string} */
                datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
                required: boolean;
                datatype_description: string | null;
                order: number;
                description: string;
                values: {
                    key: string;
                    name: string;
                }[];
            }[];
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
        }[] | {
            /** @description GET tokens/{token} gives the ticket number once staff take it in */
            token: string;
            service_notice: string;
            account_id: string | null;
        }[];
        Open311TokenAnswer: {
            /** @description Empty while the submission waits for staff */
            service_request_id: string | null;
            token: string;
        }[];
        Open311RequestUpdate: {
            update_id: string;
            service_request_id: string;
            /** @enum {string} */
            status: "OPEN" | "INVESTIGATING" | "ACTION_SCHEDULED" | "IN_PROGRESS" | "FIXED" | "CLOSED" | "NO_FURTHER_ACTION" | "REOPEN";
            description: string;
            updated_datetime: string;
            /** @description Our own status code */
            external_status_code: string;
            media_url: unknown;
        };
        Open311UpdateAnswer: {
            /** @description Our id of the update (the ticket step it became); the GET list shows the step under this id */
            update_id: string;
        }[];
        Open311QueuedSubmission: {
            token: string;
            /** @enum {string} */
            waitsFor: "position" | "photo";
            receivedAt: string;
            serviceCode: string | null;
            description: string | null;
            notes: string[];
            lat: number | null;
            lon: number | null;
            addressString: string | null;
            addressId: string | null;
            name: string | null;
            phone: string | null;
            mediaUrl: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
