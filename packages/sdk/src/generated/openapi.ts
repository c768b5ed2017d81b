// Generated from apps/reference-server/openapi.json by `pnpm --filter @clockhook/sdk generate`. Do not edit.

export interface paths {
    "/v1/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workers
         * @description The tenant's workers, oldest first, a page at a time (`limit`, `cursor`).
         */
        get: operations["listWorkers"];
        put?: never;
        /**
         * Create a worker
         * @description Adds a worker to the tenant and emits `worker.created`.
         */
        post: operations["createWorker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a worker
         * @description One worker of the tenant; another tenant's id is a 404.
         */
        get: operations["getWorker"];
        put?: never;
        post?: never;
        /**
         * Delete a worker
         * @description Removes the worker from lists and lookups and emits `worker.deleted`.
         */
        delete: operations["deleteWorker"];
        options?: never;
        head?: never;
        /**
         * Update a worker
         * @description Changes the fields sent and emits `worker.updated` with `changed_fields`.
         */
        patch: operations["updateWorker"];
        trace?: never;
    };
    "/v1/workers/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a worker's documents
         * @description The documents recorded for one worker.
         */
        get: operations["listWorkerDocuments"];
        put?: never;
        /**
         * Add a worker document
         * @description Records a document (a permit, a certificate) with its `expires_on` date. Once that date has passed, a sweep emits `document.expired` for it, once.
         */
        post: operations["createWorkerDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-entries/clock-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clock a worker in
         * @description Opens a time entry for the worker and emits `clock.in`. A worker already clocked in is a 409.
         */
        post: operations["clockIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-entries/clock-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clock a worker out
         * @description Closes the worker's open time entry and emits `clock.out` with `total_minutes`. A worker who is not clocked in is a 409.
         */
        post: operations["clockOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List time entries
         * @description Time entries, oldest first; filter by `worker_id` and by clock-in time with `from` and `to`.
         */
        get: operations["listTimeEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a time entry
         * @description One time entry of the tenant.
         */
        get: operations["getTimeEntry"];
        put?: never;
        post?: never;
        /**
         * Delete a time entry
         * @description An attendance correction: deletes the entry (an open one clocks the worker out without a clock.out) and emits `time_entry.deleted`.
         */
        delete: operations["deleteTimeEntry"];
        options?: never;
        head?: never;
        /**
         * Correct a time entry
         * @description An attendance correction: changes `clock_in`, `clock_out` or `location_id` and emits `time_entry.updated` with `changed_fields`. `clock_out` must be after `clock_in`, an open entry cannot be given a `clock_in` in the future, and the entry may not overlap another of the worker's entries (409).
         */
        patch: operations["updateTimeEntry"];
        trace?: never;
    };
    "/v1/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List shifts
         * @description Planned shifts, oldest first; filter by `worker_id`.
         */
        get: operations["listShifts"];
        put?: never;
        /**
         * Plan a shift
         * @description Plans a shift for a worker and emits `shift.created`.
         */
        post: operations["createShift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description The tenant's webhooks, oldest first. Custom header values are shown only to `admin` keys.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description Subscribes a URL to event types. The answer holds the signing secret (`whsec_…`): the only time it is shown to a key without `admin`. Private and loopback targets are refused unless the operator allows them.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a webhook
         * @description The webhook with its last 10 deliveries and its error rate over 24 h.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Deletes the webhook with its delivery log; nothing more is sent to it.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description Changes the fields sent; enable or disable with `enabled`. A header sent back with the masked value keeps its stored value.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reveal the signing secret
         * @description The current secret and any previous one still signing during a rotation's grace period. `admin` only; audited.
         */
        get: operations["getWebhookSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Makes a new secret (returned once). Until the grace period ends (default 24 h) every delivery carries both signatures, so receivers can switch without a gap. `admin` only; audited.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Sends a signed `webhook.test` to this webhook only, with its real secret, and answers with the outcome and the receiver's HTTP status. Recorded as a test delivery.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook's deliveries
         * @description Deliveries to this webhook, newest first; filter by `status`.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recover failed deliveries
         * @description Queues again every delivery to this webhook that failed since `since`, and the messages it missed while disabled (never messages from before it was created).
         */
        post: operations["recoverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a delivery
         * @description The delivery with every attempt: request headers (custom header values masked), the start of the request and response bodies, status and timing.
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend a delivery
         * @description Queues a new attempt of the same message (same `webhook-id`), whatever the delivery's state.
         */
        post: operations["resendDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pull events
         * @description The pull API: the same envelopes the webhooks carry, in order and gap-free for a reader that follows `next_cursor`. With `wait`, an empty answer is held until an event arrives or the wait ends (long-poll).
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List event types
         * @description The event catalog: every type with a JSON Schema of its `data` for each payload version.
         */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Live keys with their prefix, scopes and `last_used_at` (and revoked ones with `include_revoked=true`); never the key.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description A named key with scopes; the key itself is in this answer only (it is stored as a hash).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key stops working at once.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        /**
         * Rename an API key
         * @description Changes the key's name.
         */
        patch: operations["updateApiKey"];
        trace?: never;
    };
    "/v1/api-keys/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Regenerate an API key
         * @description A new key with the same name and scopes (returned once); the old one stops working at once.
         */
        post: operations["regenerateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Who created, changed, rotated, revealed or revoked what, and when, newest first; never a secret.
         */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the tenant settings
         * @description The tenant's name, default payload version (with the version it resolves to), retention in days and whether webhook URLs must use HTTPS.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the tenant settings
         * @description Changes the fields sent. `default_version: null` follows the latest stable version. Turning on `require_https` does not touch existing `http://` webhooks; new and changed URLs must be HTTPS. Audited with the old and new values.
         */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/v1/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a partner portal link
         * @description A console link for an outside partner (a payroll provider, say) that manages only the webhooks listed in `webhook_ids` — or every webhook of the tenant when it is omitted — without an API key. It expires after `expires_in` seconds (default 1 h, at most 7 days); expiry and scope are enforced by the server on every request. Audited.
         */
        post: operations["createPortalSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "clock.in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * clock.in
         * @description A worker clocked in. Sent to every enabled webhook subscribed to `clock.in`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["clockInEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "clock.out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * clock.out
         * @description A worker clocked out; total_minutes is the length of the entry. Sent to every enabled webhook subscribed to `clock.out`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["clockOutEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "worker.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * worker.created
         * @description A worker was created. Sent to every enabled webhook subscribed to `worker.created`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["workerCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "worker.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * worker.updated
         * @description A worker was changed; changed_fields lists what changed. Sent to every enabled webhook subscribed to `worker.updated`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["workerUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "worker.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * worker.deleted
         * @description A worker was deleted. Sent to every enabled webhook subscribed to `worker.deleted`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["workerDeletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "shift.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * shift.created
         * @description A shift was planned for a worker. Sent to every enabled webhook subscribed to `shift.created`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["shiftCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "document.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * document.expired
         * @description A worker document passed its expiry date (sent once per document). Sent to every enabled webhook subscribed to `document.expired`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["documentExpiredEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "time_entry.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * time_entry.updated
         * @description An attendance correction: a time entry was changed; changed_fields lists what changed (clock_in, clock_out, location_id). Sent to every enabled webhook subscribed to `time_entry.updated`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["timeEntryUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "time_entry.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * time_entry.deleted
         * @description An attendance correction: a time entry was deleted. Sent to every enabled webhook subscribed to `time_entry.deleted`. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["timeEntryDeletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook.test
         * @description Sent by the test action to one webhook only. Sent only by the test action, to that one webhook. The payload version is the webhook's pin, else the tenant's default, else version 1; version 2 groups `worker_id` and `worker_name` into `worker: { id, name }`.
         */
        post: operations["webhookTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                message: string;
                details?: unknown[];
            };
        };
        Worker: {
            id: string;
            name: string;
            email: string | null;
            external_id: string | null;
            location_id: string | null;
            created_at: string;
            updated_at: string;
        };
        Document: {
            id: string;
            worker_id: string;
            kind: string;
            name: string | null;
            expires_on: string;
            expired: boolean;
            created_at: string;
        };
        TimeEntry: {
            id: string;
            worker_id: string;
            clock_in: string;
            clock_out: string | null;
            location_id: string | null;
            total_minutes: number | null;
        };
        Shift: {
            id: string;
            worker_id: string;
            location_id: string | null;
            shift_date: string;
            start_time: string;
            end_time: string;
            created_at: string;
        };
        Webhook: {
            id: string;
            name: string;
            url: string;
            events: string[];
            enabled: boolean;
            disabled_reason: string | null;
            version: number | null;
            /** @description Custom request headers; values are shown only to `admin` keys, others see `••••••` */
            headers: {
                [key: string]: string;
            };
            description: string | null;
            /** @description Request timeout; `null` = the server default (30 s) */
            timeout_seconds: number | null;
            /** @description At most one delivery in flight, in the order events happened */
            ordered: boolean;
            /** @description Deliveries per second at most, across every worker process (a burst of one second’s worth first); `null` = no limit */
            rate_limit_per_second: number | null;
            /** @description Deliveries in flight at once at most, across every worker process; `null` = no limit */
            max_concurrency: number | null;
            /** @description A header that also carries `sha256=<hex HMAC-SHA256 of the raw body>` keyed with the `whsec_…` secret as written (GitHub-style receivers); `null` = off */
            legacy_signature_header: string | null;
            /**
             * @description `failing`: disabled automatically, or every attempt has failed since `failing_since`; `disabled`: turned off
             * @enum {string}
             */
            status: "active" | "disabled" | "failing";
            failing_since: string | null;
            /** @description Failed attempts / attempts over the last 24 h (0 without attempts) */
            error_rate: number;
            created_at: string;
            updated_at: string;
        };
        Delivery: {
            id: string;
            message_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "retrying" | "failed";
            attempts: number;
            last_http_status: number | null;
            last_error: string | null;
            next_attempt_at: string | null;
            is_test: boolean;
            created_at: string;
        };
        Attempt: {
            id: string;
            attempted_at: string;
            duration_ms: number;
            succeeded: boolean;
            http_status: number | null;
            error_kind: string | null;
            error_message: string | null;
            trigger: string;
            request_headers: {
                [key: string]: string;
            };
            request_preview: string;
            response_preview: string | null;
        } | null;
        Event: {
            id: string;
            type: string;
            timestamp: string;
            data: {
                [key: string]: unknown;
            };
        };
        ApiKey: {
            id: string;
            name: string;
            prefix: string;
            scopes: string[];
            created_at: string;
            last_used_at: string | null;
            /** @description When the key was revoked (listed with `include_revoked=true`) */
            revoked_at: string | null;
        };
        Settings: {
            name: string;
            /** @description The payload version of webhooks without a pin; `null` follows the latest stable version (`effective_version`) */
            default_version: number | null;
            /** @description The version a webhook without a pin receives now */
            effective_version: number;
            latest_stable_version: number;
            /** @description Delivered payloads and their attempts are purged after this many days */
            retention_days: number;
            /** @description When true, webhook URLs must use `https://` */
            require_https: boolean;
        };
        PortalSession: {
            id: string;
            /** @description The console link for the partner; the token is in the fragment, so it never reaches logs or `Referer` headers */
            url: string;
            expires_at: string;
            /** @description `null`: every webhook of the tenant, and creating new ones */
            webhook_ids: string[] | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listWorkers: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Workers, oldest first */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Worker"][];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email?: string | null;
                    external_id?: string | null;
                    location_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The worker; emits worker.created */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The worker */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; emits worker.deleted */
            204: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWorker: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string | null;
                    external_id?: string | null;
                    location_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The worker; emits worker.updated with changed_fields */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWorkerDocuments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The worker’s documents */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Document"][];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWorkerDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: string;
                    name?: string | null;
                    /** Format: date */
                    expires_on: string;
                };
            };
        };
        responses: {
            /** @description The document; document.expired is sent once after expires_on */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clockIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    worker_id: string;
                    /** Format: date-time */
                    timestamp?: string;
                    location_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The open entry; emits clock.in */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clockOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    worker_id: string;
                    /** Format: date-time */
                    timestamp?: string;
                };
            };
        };
        responses: {
            /** @description The closed entry; emits clock.out with total_minutes */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTimeEntries: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
                /** @description Only this worker’s items. */
                worker_id?: string;
                /** @description Only entries clocked in at or after this time. */
                from?: string;
                /** @description Only entries clocked in before this time. */
                to?: string;
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Time entries, oldest first */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["TimeEntry"][];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTimeEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTimeEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; emits time_entry.deleted */
            204: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTimeEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    clock_in?: string;
                    /** Format: date-time */
                    clock_out?: string;
                    location_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The corrected entry; emits time_entry.updated when anything changed */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listShifts: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
                /** @description Only this worker’s items. */
                worker_id?: string;
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Shifts, oldest first */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Shift"][];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createShift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    worker_id: string;
                    location_id?: string | null;
                    /** Format: date */
                    shift_date: string;
                    start_time: string;
                    end_time: string;
                };
            };
        };
        responses: {
            /** @description The shift; emits shift.created */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shift"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhooks, oldest first */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uri */
                    url: string;
                    /** @description What to send; every event type when left out (`["*"]`) */
                    events?: ("clock.in" | "clock.out" | "worker.created" | "worker.updated" | "worker.deleted" | "shift.created" | "document.expired" | "time_entry.updated" | "time_entry.deleted" | "*" | "clock.*" | "worker.*" | "shift.*" | "document.*" | "time_entry.*")[];
                    enabled?: boolean;
                    version?: 1 | 2 | null;
                    headers?: {
                        [key: string]: string;
                    };
                    description?: string | null;
                    timeout_seconds?: number | null;
                    ordered?: boolean;
                    rate_limit_per_second?: number | null;
                    max_concurrency?: number | null;
                    legacy_signature_header?: string | null;
                };
            };
        };
        responses: {
            /** @description The webhook, its signing secret (shown once) and warnings about its configuration */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        secret: string;
                        /** @description Advice about the configuration, e.g. an `http://` URL */
                        warnings: string[];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook with its last 10 deliveries and error rate (24 h) */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        recent_deliveries: components["schemas"]["Delivery"][];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted with its delivery log */
            204: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: uri */
                    url?: string;
                    /** @description What to send; every event type when left out (`["*"]`) */
                    events?: ("clock.in" | "clock.out" | "worker.created" | "worker.updated" | "worker.deleted" | "shift.created" | "document.expired" | "time_entry.updated" | "time_entry.deleted" | "*" | "clock.*" | "worker.*" | "shift.*" | "document.*" | "time_entry.*")[];
                    enabled?: boolean;
                    version?: 1 | 2 | null;
                    headers?: {
                        [key: string]: string;
                    };
                    description?: string | null;
                    timeout_seconds?: number | null;
                    ordered?: boolean;
                    rate_limit_per_second?: number | null;
                    max_concurrency?: number | null;
                    legacy_signature_header?: string | null;
                };
            };
        };
        responses: {
            /** @description The webhook and warnings about its configuration; enable or disable with `enabled` */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        /** @description Advice about the configuration, e.g. an `http://` URL */
                        warnings: string[];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signing secret (audited) */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        previous: {
                            secret: string;
                            expires_at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The new secret (shown once); the old one signs until the grace period ends */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The outcome of a signed webhook.test */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery: components["schemas"]["Delivery"];
                        attempt: components["schemas"]["Attempt"];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
                /** @description Only deliveries in this state. */
                status?: "pending" | "succeeded" | "retrying" | "failed";
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest first */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Delivery"][];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recoverWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                };
            };
        };
        responses: {
            /** @description Failed deliveries since then re-queued, missed messages queued */
            202: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                        created: number;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery with every attempt */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"] & {
                        webhook_id: string;
                        attempts_detail: components["schemas"]["Attempt"][];
                        /** @description The event's `data` as stored (payload version 1) */
                        payload?: unknown;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resendDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again (same webhook-id) */
            202: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous answer; leave out to start from the first event. */
                after?: string;
                /** @description Comma-separated event types to keep (all when left out). */
                types?: string;
                /** @description How many items a page holds. */
                limit?: number;
                /** @description Seconds to hold an empty answer until an event arrives (long-poll, at most 30). */
                wait?: number | null;
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events in order; follow next_cursor */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Event"][];
                        next_cursor: string;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event catalog with a JSON Schema per payload version */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            type: string;
                            description: string;
                            schemas: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
                /** @description `true` lists revoked keys too */
                include_revoked?: "true" | "false";
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys (prefix only) */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKey"][];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("workers:read" | "workers:write" | "time:read" | "time:write" | "events:read" | "webhooks:read" | "webhooks:write" | "admin")[];
                };
            };
        };
        responses: {
            /** @description The key, shown this once */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"] & {
                        key: string;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked, effective immediately */
            204: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Renamed */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    regenerateApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The id, with its type prefix. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new key (shown once); the old one is dead at once */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"] & {
                        key: string;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found — or another tenant’s (`not_found`). */
            404: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description How many items a page holds. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; leave out for the first page. */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            actor: string;
                            /** @description The API key's name when the actor is a key (`api_key:key_…`) */
                            actor_name: string | null;
                            action: string;
                            target: string;
                            details: {
                                [key: string]: unknown;
                            };
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                        has_more: boolean;
                    };
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant settings */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    default_version?: 1 | 2 | null;
                    retention_days?: number;
                    require_https?: boolean;
                };
            };
        };
        responses: {
            /** @description The settings after the change */
            200: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPortalSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request (letters, digits, `_`, `-`, `=`; up to 100); echoed back. */
                "x-request-id"?: string;
                /** @description Makes a retry safe: the first answer is kept 24 h for your API key and replayed for the same key, method, path and body. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expires_in?: number;
                    webhook_ids?: string[];
                };
            };
        };
        responses: {
            /** @description The link (shown once) and when it expires */
            201: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description `true` when this is a stored answer to an earlier request. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSession"];
                };
            };
            /** @description The request is not valid: `validation_failed` with `details`, or `invalid_json`. */
            400: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key, or an unknown or revoked one (`unauthorized`). */
            401: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the scope this route needs (`forbidden`). */
            403: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A conflict with the current state (`conflict`), or a request with this `Idempotency-Key` is still running (`request_in_progress`). */
            409: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB (`payload_too_large`). */
            413: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This `Idempotency-Key` was used with another body (`idempotency_key_reused`). */
            422: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for this key, or failed authentications from this address (`rate_limited`); wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    /** @description Seconds to wait. */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something failed on our side (`internal_error`); safe to retry. */
            500: {
                headers: {
                    /** @description The request id (yours when you sent a valid one); quote it when asking for help. */
                    "x-request-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clockInEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "clock.in";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        worker_id: string;
                        worker_name: string;
                        clock_in: string;
                        location_id: string | null;
                    };
                } | {
                    /** @constant */
                    type: "clock.in";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        clock_in: string;
                        location_id: string | null;
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    clockOutEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "clock.out";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        worker_id: string;
                        worker_name: string;
                        clock_in: string;
                        clock_out: string;
                        total_minutes: number;
                        location_id: string | null;
                    };
                } | {
                    /** @constant */
                    type: "clock.out";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        clock_in: string;
                        clock_out: string;
                        total_minutes: number;
                        location_id: string | null;
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    workerCreatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "worker.created";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        worker_id: string;
                        worker_name: string;
                        email: string | null;
                        external_id: string | null;
                        location_id: string | null;
                    };
                } | {
                    /** @constant */
                    type: "worker.created";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        email: string | null;
                        external_id: string | null;
                        location_id: string | null;
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    workerUpdatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "worker.updated";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        worker_id: string;
                        worker_name: string;
                        email: string | null;
                        external_id: string | null;
                        location_id: string | null;
                        changed_fields: string[];
                    };
                } | {
                    /** @constant */
                    type: "worker.updated";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        email: string | null;
                        external_id: string | null;
                        location_id: string | null;
                        changed_fields: string[];
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    workerDeletedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "worker.deleted";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        worker_id: string;
                        worker_name: string;
                    };
                } | {
                    /** @constant */
                    type: "worker.deleted";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    shiftCreatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "shift.created";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        shift_id: string;
                        worker_id: string;
                        location_id: string | null;
                        shift_date: string;
                        start_time: string;
                        end_time: string;
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documentExpiredEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "document.expired";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        document_id: string;
                        worker_id: string;
                        kind: string;
                        expires_on: string;
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    timeEntryUpdatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "time_entry.updated";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        worker_id: string;
                        worker_name: string;
                        clock_in: string;
                        clock_out: string | null;
                        total_minutes: number | null;
                        location_id: string | null;
                        changed_fields: string[];
                    };
                } | {
                    /** @constant */
                    type: "time_entry.updated";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        clock_in: string;
                        clock_out: string | null;
                        total_minutes: number | null;
                        location_id: string | null;
                        changed_fields: string[];
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    timeEntryDeletedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "time_entry.deleted";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        worker_id: string;
                        worker_name: string;
                        clock_in: string;
                        clock_out: string | null;
                        total_minutes: number | null;
                        location_id: string | null;
                    };
                } | {
                    /** @constant */
                    type: "time_entry.deleted";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        entry_id: string;
                        clock_in: string;
                        clock_out: string | null;
                        total_minutes: number | null;
                        location_id: string | null;
                        worker: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookTestEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (`msg_…`), the same on every retry: de-duplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse one more than 5 minutes away. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` with the secret; space-separated when several secrets sign (rotation). */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "webhook.test";
                    /**
                     * Format: date-time
                     * @description When it happened.
                     */
                    timestamp: string;
                    data: {
                        webhook_id: string;
                        message: string;
                    };
                };
            };
        };
        responses: {
            /** @description Any 2xx within the timeout: delivered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the webhook is disabled and nothing more is sent. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer in time: retried on schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
