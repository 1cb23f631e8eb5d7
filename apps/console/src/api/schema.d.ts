// Generated from the engine's OpenAPI document by `npm run console:api`: do not edit.

export interface paths {
    "/api/v1/annual-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the year’s assessment (年度考核) and schedule one annual inspection per registered kindergarten; a repeat schedules none twice
         * @description Supervisor only. `{year}` opens that year’s campaign and schedules an `annual` inspection for every registered kindergarten that has none yet; repeating it schedules none twice. Answers 201 with the campaign and its Location.
         */
        post: operations["AnnualAssessmentsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-assessments/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A year’s assessment (年度考核), once opened: the departments’ scores and the kindergartens’ annual inspection results
         * @description Admin, supervisor, auditor. The campaign of `{year}`: when it was opened; `units: [{unitId, name, owed, onTime, late, missing, score}]` with `score = round(100 × (onTime + 0.5 × late) / owed)` over the monthly reports of the year due so far; and `annualInspections` with each kindergarten’s annual inspection and its result. 404 `not-found` before it is opened.
         */
        get: operations["AnnualAssessmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file as evidence (证明材料); the same bytes are stored once
         * @description Any signed-in role but auditor. `multipart/form-data` with one part `file`, streamed to storage (never held in memory whole) while hashed. The type is told by the bytes, never by the name or the declared type: JPEG, PNG, WebP, HEIC, PDF, DOCX, XLSX or MP4, else 415 `unsupported-file-type`; over `ATTACHMENT_MAX_BYTES` 413 `payload-too-large`; an empty file, a missing `file` part or any other part 400 `validation-failed`. Records `AttachmentUploaded` in `attachment-{id}` and answers 201 with Location.
         */
        post: operations["AttachmentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of an attachment
         * @description Its uploader, and anyone who may see a case, statement or report citing it; otherwise 404 `not-found`. The content type detected at upload, `Content-Disposition` with the original name (RFC 6266, UTF-8 `filename*`), `X-Content-Type-Options: nosniff`, `Cache-Control: private`.
         */
        get: operations["AttachmentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A JPEG thumbnail of an image attachment, at most 320 px wide
         * @description As the attachment itself; images only (another type, or an image that could not be decoded, has none: 404 `not-found`).
         */
        get: operations["AttachmentsController_thumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The global log in commit order
         * @description Auditor or admin. The events of every stream in the order they were committed, after `afterPosition` (exclusive), paged.
         */
        get: operations["AuditController_globalEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event as NDJSON, in commit order, streamed
         * @description Auditor or admin. The whole record as one download, one event envelope per line in commit order, streamed as it is read; `npm run audit -- import` reads it back and checks its hashes.
         */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sign-in log
         * @description Auditor or admin. `UserSignedIn`, `UserSignInFailed`, `UserSignedOut` and `AccountLocked` of the `signins-{YYYY-MM-DD}` streams from `from` to `to` (Shanghai dates, at most 31 days), optionally of one `userId`, in order, each with its sentence in Chinese.
         */
        get: operations["AuditController_signIns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Streams, optionally of one category, with their versions
         * @description Auditor or admin. Every stream of the record, optionally of one category (`type`: kindergarten, inspection, rectification, enrolment, …), in stream-id order, paged with `after`.
         */
        get: operations["AuditController_streams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/streams/{streamId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stream’s events exactly as recorded, with their full envelopes
         * @description Auditor or admin. From `fromVersion` (inclusive): each event with its stream, version, global position, id, type, schema version, data, metadata (actor, time, command, correlation and causation ids) and its place in the hash chain. 404 `not-found` for an unknown stream.
         */
        get: operations["AuditController_streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/streams/{streamId}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate’s state after event N, or as recorded at a time, rebuilt by the code that decides commands
         * @description Auditor or admin. `{streamId, version, asOf, state}` after event `version`, or after the last event recorded at or before `at`; neither gives the current state, both is 400 `validation-failed`, a version beyond the stream or an unknown stream 404 `not-found`.
         */
        get: operations["AuditController_state"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/streams/{streamId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each step of a stream in Chinese: who, when (Asia/Shanghai), what, and the state after it
         * @description Auditor or admin. The stream told step by step for a reader of the record: the actor, the time in Asia/Shanghai, what happened, and the state after it. 404 `not-found` for an unknown stream.
         */
        get: operations["AuditController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Re-computes the hash chain of one stream, or of every stream, and reports the first broken event of each
         * @description Auditor or admin. `{ok, streamsChecked, eventsChecked, attachmentsChecked, broken}`: each broken stream is named with its first failing version and why (`hash-mismatch`, `prev-hash-mismatch`, `version-gap`); every attachment the record cites is re-hashed, one whose bytes are gone or differ named with `attachment-missing` or `attachment-altered` and its `attachmentId` (at the citing event). With `Accept: application/x-ndjson` the same check reports as it goes, one JSON line at a time: `{phase: "events", eventsChecked, position, headPosition}` while the log is read (about four times a second), `{phase: "attachments", eventsChecked}` while cited attachments are re-hashed, then `{phase: "done", report}` with the report the JSON answer gives (or `{phase: "failed", code}` if the store fails midway).
         */
        get: operations["AuditController_verification"];
        put?: never;
        post?: never;
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
        /**
         * Who is signed in
         * @description `{user: {id, name, role, kindergartenId?, unitId?, townships?}, csrfToken?, passwordChangeRequired}`, from the directory; `csrfToken` with a session.
         */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the identity provider sends the browser back
         * @description No token. Takes the pending sign-in named by this browser’s cookie (once: a replayed answer finds none), checks `state`, exchanges the code with its PKCE verifier, checks the ID token and its `nonce`, then finds the user: by the provider’s `iss` + `sub` bound to it, or at a first sign-in by the claim named by `OIDC_USERNAME_CLAIM` equal to a registered, enabled user’s id (which binds them). Starts a session (its cookie) and redirects to `/` (or the `returnTo` given at the start). Never asks for a password change.
         */
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in with the identity provider
         * @description No token. Redirects the browser to the OpenID provider (authorization code with PKCE S256, `state` and `nonce`), and sets a short-lived `HttpOnly` cookie naming this pending sign-in, which only the callback reads.
         */
        get: operations["OidcController_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether single sign-on is on
         * @description No token. `{enabled, startUrl}`: the sign-in page offers 统一身份认证登录 only when the engine has an identity provider configured.
         */
        get: operations["OidcController_status"];
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
        /**
         * Change one’s own password
         * @description `{currentPassword, newPassword}` → 204. 401 `invalid-credentials` for a wrong current password; 422 `weak-password` (fewer than 10 characters, fewer than three of lower case / upper case / digits / symbols, containing the username, or one of the last three). Keeps the current session and its csrfToken; ends the user’s other sessions.
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with username and password
         * @description `{username, password}` → `{user, csrfToken, passwordChangeRequired}` and a new session cookie (`HttpOnly`, `SameSite=Strict`, `Path=/`, `Secure` over HTTPS). Unknown user, wrong password and disabled account answer the same 401 `invalid-credentials`; 5 failures for a username within 15 minutes lock it: 423 `account-locked` with `Retry-After`. Limited per client address with the public routes.
         */
        post: operations["AuthController_signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session of the cookie (and clears it); with a bearer token, nothing to end. 204.
         */
        post: operations["AuthController_signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every published bulletin (季通报), oldest first
         * @description Any role. `{items}`: each published quarter’s bulletin as `GET /bulletins/{year}-Q{n}` shows it.
         */
        get: operations["BulletinsController_list"];
        put?: never;
        /**
         * Publish a quarter’s bulletin (季通报), computed from the record as it stood at the quarter’s end; once per quarter
         * @description Supervisor only. `{year, quarter}` publishes that quarter’s bulletin, computed from the record as it stood at the quarter’s end: 409 `bulletin-exists` for a second one, 422 `period-not-ended` before the quarter ends. Answers 201 with the bulletin and its Location.
         */
        post: operations["BulletinsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A published bulletin, by `{year}-Q{n}` (e.g. 2025-Q1); 404 while not published
         * @description Any role. Inspections by outcome, notices issued, cases open, overdue, closed and failed, suspensions in force, and monthly reports on time, late or missing by unit, for the quarter.
         */
        get: operations["BulletinsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulletins/{id}.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A published quarterly bulletin (督导通报) as a Word document, by `{year}-Q{n}`
         * @description Any role. The bulletin as published: the county’s figures, the same figures per township (as the record stood at the quarter’s end) and a table of the units’ monthly reports; 404 `not-found` while not published.
         */
        get: operations["DocumentsController_bulletin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A year’s official holidays and make-up working days
         * @description Any role. `{year, holidays, makeUpWorkdays}` as the State Council published them (every day off of a holiday period, weekends inside it included); 404 `calendar-unavailable` for a year without official data.
         */
        get: operations["CalendarController_year"];
        /**
         * Publish a year’s official holidays and make-up working days (the State Council’s notice)
         * @description Admin only. `{holidays, makeUpWorkdays, source, replace?}` → `CalendarYearPublished` in `calendar-{year}`, in force at once in every engine process, no restart; deadlines already issued do not move. Every date must lie in `year`; a date in both lists, a weekday listed as a make-up workday, or a holiday period made only of weekend days: 422 `invalid-calendar`. A year that already has data from any source (the package, the override file, an earlier publication) needs `"replace": true`, else 409 `calendar-year-exists`. Precedence: published through the API, then the override file, then the package. Answers with the year as `GET /calendar/{year}` shows it.
         */
        put: operations["CalendarController_publish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The deadline a notice issued on `from` would get: the end of the N-th working day after it
         * @description Any role. `{dueDate, dueAt}` for `from` and `workingDays`: the end (23:59:59.999 +08:00) of the N-th working day after `from`, counting the State Council’s holidays and make-up working days; 422 `calendar-unavailable` when a counted day falls in a year without official data.
         */
        get: operations["CalendarController_deadline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/kindergartens.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The register of kindergartens as an Excel workbook
         * @description Admin, supervisor, auditor. Each kindergarten with its township, ownership, enrolment status and latest annual and quality results.
         */
        get: operations["DocumentsController_kindergartens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/monthly-reports.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units’ monthly reports of a year as an Excel workbook: units × months
         * @description Admin, supervisor, auditor. Each cell 按时 (on-time), 逾期 (late), 未报 (missing) or 待报 (pending); blank where the unit owed nothing.
         */
        get: operations["DocumentsController_monthlyReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/rectifications.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rectification cases as an Excel workbook, filtered by status, township and overdue
         * @description Admin, supervisor, auditor. One row per case: document number, kindergarten, township, findings, status, dates, overdue, reports; streamed.
         */
        get: operations["DocumentsController_rectifications"];
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
        /**
         * The caller’s notifications, newest first: to their kindergarten, to supervisors, or to their unit
         * @description Any role. Notifications addressed to the caller’s kindergarten, to supervisors (a supervisor with `townships`: only those about kindergartens of its 责任区), or to the caller’s unit, with `readAt` for this user; `unread=true` for only the unread ones; text in Chinese; paged `{items, next?}`.
         */
        get: operations["InboxController_list"];
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
        /**
         * Mark a notification read, for this user only
         * @description Any role, for a notification addressed to the caller (another’s is 404 `not-found`). Sets `readAt` for this user; other users keep their own. Answers with the notification.
         */
        post: operations["InboxController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of the caller’s notifications this user has not read
         * @description Any role. `{count}` over the same notifications as `GET /inbox`, less those this user has marked read.
         */
        get: operations["InboxController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inspections (a kindergarten sees only its own)
         * @description Admin, supervisor, auditor; a kindergarten sees only its own. Filters: `township` (the kindergarten’s), `status` (`scheduled`, `concluded`, `cancelled`), `year`, `kind`, `kindergartenId`; paged `{items, next?}`.
         */
        get: operations["InspectionsController_list"];
        put?: never;
        /**
         * Schedule an inspection; an annual one at most once per kindergarten and year
         * @description Supervisor only. `{kindergartenId, kind, year, scheduledOn}`: 422 `unknown-kindergarten`; a closed kindergarten gets none (409 `kindergarten-closed`); `scheduledOn` within `year` (422 `scheduled-outside-year`); a second `annual` inspection of a kindergarten for a year, even a cancelled one, is 409 `annual-inspection-exists`. The engine makes the id. Answers 201 with the inspection and its Location.
         */
        post: operations["InspectionsController_schedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An inspection with its findings
         * @description Admin, supervisor, auditor; a kindergarten only its own (another’s is 404 `not-found`). Read from its stream, with `ETag: "<version>"`.
         */
        get: operations["InspectionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the inspection (final); a cancelled annual inspection still holds its year
         * @description Supervisor only. `{reason}` → `InspectionCancelled`, status `cancelled`, before the conclusion (409 `inspection-concluded`; already cancelled 409 `invalid-transition`). Answers with the inspection.
         */
        post: operations["InspectionsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/conclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Conclude the inspection: passed, or failed with at least one finding
         * @description Supervisor only. `{outcome, summary}`, once (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); `failed` needs at least one finding, withdrawn ones not counted (422 `failed-without-findings`); not before `scheduledOn` (422 `conclusion-before-scheduled`). Answers with the inspection.
         */
        post: operations["InspectionsController_conclude"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a finding (检查发现的问题)
         * @description Supervisor only. `{code, description, severity}` on an inspection not yet concluded (409 `inspection-concluded`), a code not yet recorded on it (409 `finding-exists`). Answers 201 with the inspection.
         */
        post: operations["InspectionsController_recordFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/findings/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Amend a finding’s description and severity
         * @description Supervisor only. `{description, severity}` → `FindingAmended`, before the conclusion (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); a code the inspection does not hold (or withdrew) is 404 `not-found`. Answers with the inspection.
         */
        put: operations["InspectionsController_amendFinding"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/findings/{code}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a finding: it moves to withdrawnFindings and no longer counts
         * @description Supervisor only. `{reason}` → `FindingWithdrawn`, before the conclusion (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); a code the inspection does not hold (or withdrew) is 404 `not-found`. A withdrawn code cannot be cited (422 `unknown-finding`) or recorded again (409 `finding-exists`). Answers with the inspection.
         */
        post: operations["InspectionsController_withdrawFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reschedule the inspection (another day within its year)
         * @description Supervisor only. `{scheduledOn, reason}` → `InspectionRescheduled`, before the conclusion (409 `inspection-concluded`; a cancelled inspection 409 `invalid-transition`); `scheduledOn` within the inspection’s year (422 `scheduled-outside-year`). Answers with the inspection.
         */
        post: operations["InspectionsController_reschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List kindergartens (a kindergarten sees only itself)
         * @description Admin, supervisor, auditor; a kindergarten sees only itself. Filters: `township` (id), `q` (part of the name), `ownership`, `enrolmentStatus`. Each with its enrolment status, whether it is closed and its number of open cases; paged `{items, next?}`.
         */
        get: operations["KindergartensController_list"];
        put?: never;
        /**
         * Register a kindergarten
         * @description Admin only. `{id, name, township, ownership}`; `township` is a township id or its registered name, stored as its id (else 422 `unknown-township`). A second registration of an id is 409 `kindergarten-exists`; a name another kindergarten has is 409 `kindergarten-name-exists`. Answers 201 with the kindergarten and its Location.
         */
        post: operations["KindergartensController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A kindergarten, with its enrolment status and open cases
         * @description Admin, supervisor, auditor; a kindergarten only itself (another is 404 `not-found`). `ETag` is the version of its `kindergarten-{id}` stream; `enrolmentVersion` that of `enrolment-{id}`.
         */
        get: operations["KindergartensController_get"];
        /**
         * Correct a kindergarten’s register entry: name, township, ownership
         * @description Admin only. `{name, township, ownership}` → `KindergartenUpdated` (nothing is written when nothing changes). `township` as on registration (422 `unknown-township`); a name another kindergarten has is 409 `kindergarten-name-exists`. If-Match is checked against `kindergarten-{id}`. Answers 200 with the kindergarten.
         */
        put: operations["KindergartensController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a kindergarten has closed (停办)
         * @description Admin only. `{closedOn, reason}` → `KindergartenClosed`; a closed kindergarten stays in the register, shown as closed, and gets no new inspections (409 `kindergarten-closed`). Closing it again is 409 `kindergarten-closed`. If-Match is checked against `kindergarten-{id}`. Answers 200 with the kindergarten.
         */
        post: operations["KindergartensController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/disclosure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Publish the kindergarten’s disclosure (备案及公示): staffing, children, fees
         * @description The kindergarten itself only. `{teachers, caregivers, children, monthlyFeeYuan, notes?}` replaces what the public board shows. Answers with the kindergarten.
         */
        put: operations["KindergartensController_publishDisclosure"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/enrolment/decision.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The enrolment suspension decision (暂停招生决定书) as a Word document
         * @description As the kindergarten: admin, supervisor, auditor; a kindergarten only its own (404 `not-found`). The last decision on a proposal: the facts, the statement quoted in full (or that it was waived or not made), the decision’s `reason` as the answer to it, the decision and its effective date, and the remedies (行政复议 within 60 days, 行政诉讼 within 6 months); a withdrawn proposal gives 不予暂停招生决定书. 404 `no-decision` while no proposal has been decided.
         */
        get: operations["DocumentsController_suspensionDecision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/enrolment/proposal.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The enrolment suspension proposal (暂停招生告知书) as a Word document
         * @description As the kindergarten: admin, supervisor, auditor; a kindergarten only its own (404 `not-found`). The latest proposal, pending or decided: its facts, reasons (the failed case) and basis, the proposed start, and the right to state and defend (陈述申辩) with its deadline `statementDueAt`; 404 `no-proposal` when none was ever made.
         */
        get: operations["DocumentsController_suspensionProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/enrolment/reinstatement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reinstate enrolment (恢复招生), citing a follow-up inspection passed after the suspension
         * @description Supervisor only. `{inspectionId, reason}`: enrolment must be suspended (409 `not-suspended`) and the inspection a `follow-up` of this kindergarten concluded `passed` after the suspension (422 `reinstatement-requires-passed-follow-up`). If-Match is checked against `enrolmentVersion`. Answers with the kindergarten.
         */
        post: operations["KindergartensController_reinstate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/enrolment/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * State the kindergarten’s case (陈述申辩) on the pending proposal, or waive it
         * @description The kindergarten itself only (another is 404). `{text, attachmentIds?}` → `StatementSubmitted`, or `{waive: true}` → `StatementWaived`; 409 `no-proposal`; one statement per proposal (409 `statement-exists`); at or after `statementDueAt`: 422 `statement-period-over`; each attachment must have been uploaded by users of this kindergarten (422 `unknown-attachment`; its SHA-256 is recorded, so verification re-hashes it). The public board never shows it. Answers with the kindergarten.
         */
        post: operations["KindergartensController_submitStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/enrolment/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide the pending suspension proposal (暂停招生决定): suspend or withdraw
         * @description Supervisor only. `{decision: suspend | withdraw, reason, effectiveFrom?}` → `EnrolmentSuspended` or `SuspensionWithdrawn`; `reason` answers the statement. 409 `no-proposal`; before `statementDueAt`, unless the kindergarten submitted or waived its statement: 409 `statement-period-open`; `effectiveFrom` (default today, Asia/Shanghai) in the past: 422 `effective-from-in-past`. If-Match is checked against `enrolmentVersion`. Answers with the kindergarten.
         */
        post: operations["KindergartensController_decideSuspension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kindergartens/{id}/enrolment/suspension-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Propose an enrolment suspension (暂停招生告知): facts, reasons and basis, and the statement period
         * @description Supervisor only. `{rectificationId, facts, basis, proposedFrom}` → `SuspensionProposed` with `statementDueAt`, the end of the `STATEMENT_WORKING_DAYS`-th (default 3) working day after today (422 `calendar-unavailable` where the calendar has no data). The case must be this kindergarten’s and `failed` (422 `unknown-rectification`, `suspension-requires-failed-rectification`); 409 `already-suspended`; 409 `suspension-proposed` while one is pending. If-Match is checked against `enrolmentVersion`. Answers with the kindergarten.
         */
        post: operations["KindergartensController_proposeSuspension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monthly-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every unit that owes the month’s report: on time, late, pending (not yet due) or missing
         * @description Admin, supervisor, auditor: for `period`, every unit that owes it (a unit with tasks in the plan, registered before the month ended), each with the status `GET /monthly-reports/{unitId}/{period}` gives; `unitId` narrows it to one. A department sees its own unit only (`unitId` implied).
         */
        get: operations["MonthlyReportsController_list"];
        put?: never;
        /**
         * Submit the caller’s unit’s progress report (月报告) for a month that has ended; late after the due day
         * @description Department only, for the unit in its token. `{period: YYYY-MM, items: [{taskNo, status, progress}], evidence?: [{attachmentId, caption?}]}`: one report per unit and month (409 `report-exists`), from the plan’s first month 2023-01 (422 `period-outside-plan`) to a month that has ended (422 `period-not-ended`), every task number known (422 `unknown-task`), each the unit’s own (422 `task-not-assigned`), every task the unit leads or shares reported (422 `task-not-reported`), and every cited attachment uploaded by a user of the unit (422 `unknown-attachment`); marked `late` after the due day. Answers 201 with the report and its Location.
         */
        post: operations["MonthlyReportsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monthly-reports/{unitId}/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A unit’s report for a month (a department sees only its own unit’s)
         * @description Admin, supervisor, auditor; a department for its own unit only (another unit’s is 404 `not-found`). The report as submitted, with `late`.
         */
        get: operations["MonthlyReportsController_get"];
        /**
         * Amend the unit’s report for a month (MonthlyReportAmended): both versions are kept, `late` stays as first filed
         * @description The unit itself only (another unit’s is 404 `not-found`). `{items, evidence?}` under the same rules as the first filing (422 `unknown-task`, `task-not-assigned`, `task-not-reported`, `unknown-attachment`); the evidence is the new version’s; a report not yet submitted: 409 `invalid-transition`. Answers with the report.
         */
        put: operations["MonthlyReportsController_amend"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plan’s 17 key tasks (重点任务) with their lead units (牵头单位) and responsible units (责任单位)
         * @description Any role. The county plan’s tasks as seeded, each with its number, group, title, summary, time nodes (时间节点), lead units and responsible units; `unitId` keeps the tasks that unit leads or shares; paged `{items, next?}`.
         */
        get: operations["PlanTasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/kindergartens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kindergartens’ basic information, disclosure and latest results
         * @description No token. Each registered kindergarten with its township, ownership, enrolment status, its latest disclosure (staffing, children, fees) and the outcomes of its latest annual and quality inspections; no user, report, comment or evidence. Paged `{items, next?}`.
         */
        get: operations["PublicController_kindergartens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Published rectification notices (通报) and the enrolment suspensions in force
         * @description No token. The notices issued with `publish: true` (kindergarten, findings, issue time, deadline, status, overdue) and the enrolment suspensions in force with their effective date and reason.
         */
        get: operations["PublicController_notices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/townships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The county’s townships (no sign-in)
         * @description No token. `{items: [{id, name}]}`; limited per client address.
         */
        get: operations["TownshipsController_publicList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rectification cases (a kindergarten sees only its own)
         * @description Admin, supervisor, auditor; a kindergarten sees only its own. Newest first. Filters: `status` (a status, or `open`: issued, acknowledged, submitted or returned), `township` (the kindergarten’s), `kindergartenId`, `overdue`, `from` and `to` (days of issue, inclusive, Asia/Shanghai), `dueFrom` and `dueTo` (days of the deadline, inclusive, Asia/Shanghai), `q` (part of the document number, the kindergarten’s name or the case id); paged `{items, next?}`.
         */
        get: operations["RectificationsController_list"];
        put?: never;
        /**
         * Issue a rectification notice (限期整改) for a failed inspection; tells the kindergarten at once
         * @description Supervisor only. `{kindergartenId, inspectionId, findingCodes, deadline, publish}`: the inspection must be this kindergarten’s and concluded `failed` (422 `unknown-inspection`, `inspection-not-failed`), the codes its findings, withdrawn ones excluded (422 `unknown-finding`), one case per inspection (409 `rectification-exists`), a deadline in the future (422 `deadline-in-past`, `calendar-unavailable`). The notice gets the next document number of its year of issue, `documentNo` (`{DOCUMENT_NO_PREFIX}〔{year}〕{n}号`, no gap, no duplicate). Answers 201 with the case and its Location.
         */
        post: operations["RectificationsController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rectification case
         * @description Admin, supervisor, auditor; a kindergarten only its own (another’s is 404 `not-found`). Read from its stream: status, deadline, overdue, reports, pending extension, with `ETag: "<version>"`.
         */
        get: operations["RectificationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge the notice (issued → acknowledged); no body
         * @description The kindergarten of the case only. From `issued` only, else 409 `invalid-transition`. Answers with the case.
         */
        post: operations["RectificationsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new deadline (an overdue case too): moves every reminder, clears overdue, tells the kindergarten
         * @description Supervisor only. `{deadline: {workingDays} | {dueAt}, reason}` from `issued`, `acknowledged` or `returned` (else 409 `invalid-transition`) → `DeadlineReset`; a deadline in the future (422 `deadline-in-past`, `calendar-unavailable`). Answers with the case.
         */
        post: operations["RectificationsController_resetDeadline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/extension-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant or deny the pending extension; a grant moves dueAt and clears overdue
         * @description Supervisor only. `{approve, reason}` on a pending request (409 `no-pending-extension`); a grant moves `dueAt`, reschedules every reminder and clears `overdue`. Answers with the case.
         */
        post: operations["RectificationsController_decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a later deadline (from issued, acknowledged or returned, before the deadline)
         * @description The kindergarten of the case only. `{requestedDueAt, reason}`: one request at a time (409 `extension-pending`), before the deadline (422 `extension-after-deadline`), for a later one (422 `extension-not-later`). Answers 201 with the case.
         */
        post: operations["RectificationsController_requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the follow-up inspection (复查): passed → closed, failed → failed
         * @description Supervisor only. `{inspectionId}` on an open case that is `submitted` or `overdue` (409 `follow-up-too-early`, checked before the inspection; a case not open 409 `invalid-transition`): a `follow-up` inspection of this kindergarten concluded after the notice (422 `follow-up-inspection-required`). Answers with the case.
         */
        post: operations["RectificationsController_followUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/notice.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rectification notice (整改通知书) as a Word document
         * @description As the case: admin, supervisor, auditor; a kindergarten only its own (404 `not-found`). Issuing authority (`ISSUING_AUTHORITY`), document number, the kindergarten, its findings, the requirements, the deadline and the date of issue, in 仿宋/黑体.
         */
        get: operations["DocumentsController_notice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a notice issued unpublished (通报): it appears on the public board; no body
         * @description Supervisor only. → `NoticePublished`; 409 `already-published`; a withdrawn notice 409 `invalid-transition`. Answers with the case.
         */
        post: operations["RectificationsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a rectification report (整改报告) addressing every finding of the notice
         * @description The kindergarten of the case only. `{summary, actions, evidence}` from `acknowledged` or `returned` (409 `invalid-transition`); every action names a finding of the notice (422 `unknown-finding`) and every finding is addressed (422 `finding-not-addressed`); evidence items are `{attachmentId, caption?}`, attachments uploaded by users of this kindergarten (422 `unknown-attachment`; their SHA-256 is recorded), or the v1 `{name, sha256, sizeBytes}` kept as an unverified reference; `late` when after `dueAt`. Answers with the case.
         */
        post: operations["RectificationsController_submitReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept (→ closed) or return (→ returned) the submitted report
         * @description Supervisor only. `{decision, comment, deadline?}` from `submitted` only, else 409 `invalid-transition`. A `return` at or after `dueAt` must carry a new `deadline` (422 `deadline-required`); with one, `DeadlineReset` is recorded with the return (422 `deadline-in-past`, `calendar-unavailable`). Answers with the case.
         */
        post: operations["RectificationsController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rectifications/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw the notice (撤销): status withdrawn, final, no more reminders
         * @description Supervisor only. `{reason}` from any open status (else 409 `invalid-transition`) → `NoticeWithdrawn`, status `withdrawn`; pending reminders are dropped and the kindergarten is told. A published notice stays on the public board marked 已撤销 with the reason. Answers with the case.
         */
        post: operations["RectificationsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The county’s statistics for a year, by township
         * @description Admin, supervisor, auditor; a supervisor with `townships` sees those only. Per township (by id, with its name): kindergartens; the year’s inspections scheduled (not yet concluded), passed, failed and cancelled; the cases issued in the year open, overdue, closed, failed and withdrawn; kindergartens suspended now; and the totals. From a projection of its own.
         */
        get: operations["StatisticsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/townships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The county’s townships
         * @description Every role. `{items: [{id, name}]}`.
         */
        get: operations["TownshipsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Admin only. `?role&kindergartenId&unitId`, paged `{items, next?}` by id.
         */
        get: operations["UsersController_list"];
        put?: never;
        /**
         * Register a user
         * @description Admin only. `{id, name, role, kindergartenId?, unitId?, townships?, email?, phone?, serviceAccount?}` → 201 `{user, initialPassword}`: a one-time password shown only here (null for a service account), to be changed at first sign-in. The id `system` is reserved. 409 `user-exists`; 422 `unknown-kindergarten`, `unknown-unit`, `unknown-township`. Never stored for idempotent replay.
         */
        post: operations["UsersController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user
         * @description Admin only. ETag: the version of its `user-{id}` stream.
         */
        get: operations["UsersController_get"];
        /**
         * Update a user
         * @description Admin only. `{name, role, kindergartenId?, unitId?, townships?, email?, phone?}` → the user (`UserUpdated`; email and phone are kept outside the log).
         */
        put: operations["UsersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a user
         * @description Admin only. Ends the user’s sessions at once; its tokens stop working. 409 `cannot-disable-self`.
         */
        post: operations["UsersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a user
         * @description Admin only. Also lifts a sign-in lock on the username.
         */
        post: operations["UsersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user’s password
         * @description Admin only. → `{initialPassword}`: one-time, shown only here, to be changed at first sign-in. Never stored for idempotent replay.
         */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is up
         * @description Liveness probe: answers 200 as long as the process serves HTTP; it checks no dependency, so a restart is never triggered by an outage of the store or Redis.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event store and Redis are reachable
         * @description Readiness probe: reads the event store's head position and pings Redis, each within 3 s; 503 names the dependency that is down and why.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics: HTTP latency per route, commands by type and outcome, append latency and conflicts
         * @description The Prometheus text exposition for scraping: request durations by method, route and status, commands by type and outcome, event-store append latency and concurrency conflicts, and the process’s own metrics. Needs an admin (token or session), or `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set (Prometheus: `authorization: {credentials: …}`).
         */
        get: operations["MetricsController_metrics"];
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
        ActionResponse: {
            action: string;
            findingCode: string;
        };
        AmendFindingDto: {
            /** @example 消防通道堆放杂物，影响疏散 */
            description: string;
            /** @enum {string} */
            severity: "minor" | "major" | "critical";
        };
        AmendMonthlyReportDto: {
            /** @description Optional: uploads (POST /attachments) by users of the caller’s unit, else 422 `unknown-attachment` */
            evidence?: components["schemas"]["MonthlyReportEvidenceDto"][];
            /** @description One item per task, each task at most once */
            items: components["schemas"]["MonthlyReportItemDto"][];
        };
        AnnualInspectionRefResponse: {
            /** @example annual-2025-cg-kg-01 */
            inspectionId: string;
            kindergartenId: string;
        };
        AnnualInspectionResultResponse: {
            concludedAt: string | null;
            inspectionId: string;
            kindergartenId: string;
            /** @enum {string|null} */
            outcome: "passed" | "failed" | null;
            status: string;
        };
        AnnualInspectionsResponse: {
            failed: number;
            items: components["schemas"]["AnnualInspectionResultResponse"][];
            passed: number;
            scheduled: number;
        };
        AssessmentDetailResponse: {
            /** @description The kindergartens’ annual inspections of the year and their results */
            annualInspections: components["schemas"]["AnnualInspectionsResponse"];
            openedAt: string;
            /** @description The departments’ assessment (督导考核结果纳入年度考核) */
            units: components["schemas"]["UnitAssessmentResponse"][];
            /** @description Version of assessment-{YYYY}; also the ETag */
            version: number;
            year: number;
        };
        AttachmentResponse: {
            /**
             * @description Detected from the bytes
             * @example image/jpeg
             */
            contentType: string;
            /**
             * Format: uuid
             * @description New for each upload; `attachment-{id}` is its stream
             */
            id: string;
            /**
             * @description The file name as given, without path or control characters, at most 200 characters
             * @example 消防通道整改后.jpg
             */
            name: string;
            /** @description SHA-256 of the bytes; what records cite */
            sha256: string;
            sizeBytes: number;
            /** @example 2026-12-03T10:00:00.000+08:00 */
            uploadedAt: string;
        };
        BulletinList: {
            items: components["schemas"]["BulletinResponse"][];
        };
        BulletinResponse: {
            /**
             * @description The numbers are those of the record as it stood then
             * @example 2025-03-31T23:59:59.999+08:00
             */
            asOf: string;
            /** @description {open, overdue, closed, failed}: open and overdue at the quarter’s end, closed and failed within it */
            cases: Record<string, never>;
            /** @example 2025-01-01T00:00:00.000+08:00 */
            from: string;
            /** @example 2025-Q1 */
            id: string;
            /** @description Inspections concluded in the quarter by outcome ({passed, failed, pending, byKind}); pending: not concluded at its end */
            inspections: Record<string, never>;
            /** @description {periods, onTime, late, missing, units: [{unitId, name, onTime, late, missing, reports}]} */
            monthlyReports: Record<string, never>;
            /** @description {issued, published}: rectification notices issued in the quarter */
            notices: Record<string, never>;
            publishedAt: string;
            quarter: number;
            /** @description {inForce, kindergartenIds}: enrolment suspensions in force at the quarter’s end */
            suspensions: Record<string, never>;
            /** @description [{township, kindergartens, inspections: {passed, failed, pending}, notices: {issued, published}, cases: {open, overdue, closed, failed}, suspensions}]: the same figures per township, as the kindergartens were registered at the quarter’s end (absent from bulletins published before townships were counted) */
            townships?: Record<string, never>[];
            /** @description Version of bulletin-{YYYY}-Q{n}; also the ETag */
            version: number;
            year: number;
        };
        CalendarYearResponse: {
            /** @description Every day off of a holiday period, weekends inside it included */
            holidays: string[];
            /** @description Make-up working days (调休上班日) */
            makeUpWorkdays: string[];
            year: number;
        };
        CancellationResponse: {
            cancelledAt: string;
            reason: string;
        };
        CaseCounts: {
            closed: number;
            failed: number;
            /** @description issued, acknowledged, submitted or returned */
            open: number;
            /** @description Open and past the deadline */
            overdue: number;
            withdrawn: number;
        };
        ChainBreakResponse: {
            /** @description With attachment-missing and attachment-altered: the cited attachment (the stream and version are the citing event’s) */
            attachmentId?: string;
            /** @enum {string} */
            reason: "hash-mismatch" | "prev-hash-mismatch" | "version-gap" | "attachment-missing" | "attachment-altered";
            streamId: string;
            version: number;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description At least 10 characters, three of lower case / upper case / digits / symbols, not containing the username, not one of the last three */
            newPassword: string;
        };
        ClosureDto: {
            /**
             * Format: date
             * @example 2025-08-31
             */
            closedOn: string;
            /** @example 办园许可证注销，停止办园 */
            reason: string;
        };
        ClosureResponse: {
            /** @example 2025-08-31T10:00:00.000+08:00 */
            closedAt: string;
            /** Format: date */
            closedOn: string;
            reason: string;
        };
        ConclusionDto: {
            /** @enum {string} */
            outcome: "passed" | "failed";
            /** @example 存在安全隐患，需限期整改 */
            summary: string;
        };
        CorrectiveActionDto: {
            /** @example 已清理消防通道并设置禁止堆放标识 */
            action: string;
            findingCode: string;
        };
        DeadlineDto: {
            /**
             * @description An instant in the future
             * @example 2025-04-30T23:59:59+08:00
             */
            dueAt?: string;
            /** @description Working days after the day of issue (Asia/Shanghai, official calendar) */
            workingDays?: number;
        };
        DeadlineResetResponse: {
            dueAt: string;
            previousDueAt: string;
            reason: string;
            resetAt: string;
        };
        DeadlineResponse: {
            /** @example 2025-02-05T23:59:59.999+08:00 */
            dueAt: string;
            /**
             * Format: date
             * @example 2025-02-05
             */
            dueDate: string;
        };
        DecidedSuspensionResponse: {
            decidedAt: string;
            /** Format: date */
            effectiveFrom: string;
            /** @description The decision’s reason: its answer to the statement */
            reason: string;
            rectificationId: string;
        };
        DisclosureDto: {
            /** @example 12 */
            caregivers: number;
            /** @example 320 */
            children: number;
            /**
             * @description Monthly fee in yuan, at most two decimals
             * @example 480
             */
            monthlyFeeYuan: number;
            /** @description Not shown publicly */
            notes?: string;
            /** @example 24 */
            teachers: number;
        };
        DisclosureResponse: {
            caregivers: number;
            children: number;
            monthlyFeeYuan: number;
            notes: string | null;
            /** @example 2025-03-03T10:00:00.000+08:00 */
            publishedAt: string;
            teachers: number;
        };
        EnrolmentResponse: {
            /** @description The pending proposal; while suspended, the one the suspension decided */
            proposal?: components["schemas"]["ProposalResponse"];
            /** @enum {string} */
            status: "open" | "suspended";
            suspension?: components["schemas"]["DecidedSuspensionResponse"];
        };
        EvidenceDto: {
            /**
             * Format: uuid
             * @description An attachment from POST /attachments, uploaded by a user of this kindergarten
             */
            attachmentId?: string;
            /** @example 消防通道清理后 */
            caption?: string;
            /**
             * @description v1 reference (without attachmentId)
             * @example 消防通道整改后照片.jpg
             */
            name?: string;
            /** @description v1 reference (without attachmentId) */
            sha256?: string;
            /** @description v1 reference (without attachmentId) */
            sizeBytes?: number;
        };
        EvidenceResponse: {
            /** @description An uploaded attachment (GET /attachments/{id}); absent on a v1 reference */
            attachmentId?: string;
            caption?: string;
            /** @description With attachmentId */
            contentType?: string;
            name: string;
            sha256: string;
            sizeBytes: number;
        };
        ExtensionDecisionDto: {
            approve: boolean;
            reason: string;
        };
        ExtensionRequestDto: {
            reason: string;
            /** @example 2025-05-15T23:59:59+08:00 */
            requestedDueAt: string;
        };
        ExtensionResponse: {
            decidedAt: string | null;
            decisionReason: string | null;
            reason: string;
            requestedAt: string;
            requestedDueAt: string;
            /** @enum {string} */
            status: "pending" | "granted" | "denied";
        };
        FieldError: {
            /** @example deadline.workingDays */
            field: string;
            /** @example workingDays must not be greater than 90 */
            message: string;
        };
        FindingDto: {
            /** @example S-01 */
            code: string;
            /** @example 消防通道堆放杂物，影响疏散 */
            description: string;
            /** @enum {string} */
            severity: "minor" | "major" | "critical";
        };
        FindingResponse: {
            code: string;
            description: string;
            /** @enum {string} */
            severity: "minor" | "major" | "critical";
        };
        FollowUpDto: {
            /** @description A follow-up inspection (复查) of this kindergarten, concluded after the notice was issued */
            inspectionId: string;
        };
        InboxItemResponse: {
            body: string;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "notice-issued" | "rectification-reminder" | "deadline-missed" | "extension-decided" | "report-reviewed" | "monthly-report-reminder" | "bulletin-reminder" | "assessment-reminder" | "report-submitted" | "extension-requested" | "case-failed" | "deadline-reset" | "notice-withdrawn" | "suspension-proposed" | "statement-reminder" | "statement-submitted" | "statement-period-ended" | "suspension-decided" | "enrolment-reinstated";
            /** @description When this user read it */
            readAt: string | null;
            /**
             * @example {
             *       "rectificationId": "rc-annual-2026-cg-kg-01",
             *       "kindergartenId": "cg-kg-01"
             *     }
             */
            refs: Record<string, never>;
            /** @example 【整改提醒】清水河县城关镇第一幼儿园：距整改期限还有7天 */
            subject: string;
        };
        InboxList: {
            items: components["schemas"]["InboxItemResponse"][];
            next?: string;
        };
        InspectionCounts: {
            cancelled: number;
            failed: number;
            passed: number;
            /** @description Not yet concluded */
            scheduled: number;
        };
        InspectionList: {
            items: components["schemas"]["InspectionResponse"][];
            next?: string;
        };
        InspectionResponse: {
            cancellation: components["schemas"]["CancellationResponse"] | null;
            concludedAt: string | null;
            findings: components["schemas"]["FindingResponse"][];
            /** @example annual-2025-cg-kg-01 */
            id: string;
            /** @enum {string} */
            kind: "annual" | "safety" | "quality" | "follow-up";
            kindergartenId: string;
            /** @enum {string|null} */
            outcome: "passed" | "failed" | null;
            /** Format: date */
            scheduledOn: string;
            /** @enum {string} */
            status: "scheduled" | "concluded" | "cancelled";
            summary: string | null;
            /** @description Version of inspection-{id}; also the ETag */
            version: number;
            /** @description Findings withdrawn before the conclusion */
            withdrawnFindings: components["schemas"]["WithdrawnFindingResponse"][];
            year: number;
        };
        IssueNoticeDto: {
            /** @description `{workingDays: 1..90}` or `{dueAt}` */
            deadline: components["schemas"]["DeadlineDto"];
            /**
             * @example [
             *       "S-01"
             *     ]
             */
            findingCodes: string[];
            /** @example annual-2025-cg-kg-01 */
            inspectionId: string;
            kindergartenId: string;
            /** @description Publicly notified (通报): shown on /public/notices */
            publish: boolean;
        };
        KindergartenList: {
            items: components["schemas"]["KindergartenResponse"][];
            /** @description URL of the next page */
            next?: string;
        };
        KindergartenName: {
            id: string;
            name: string;
        };
        KindergartenResponse: {
            /** @description Closed (停办): it gets no new inspections */
            closed: boolean;
            closure: components["schemas"]["ClosureResponse"] | null;
            disclosure: components["schemas"]["DisclosureResponse"] | null;
            /** @description Enrolment and its due process (陈述申辩) */
            enrolment: components["schemas"]["EnrolmentResponse"];
            /** @enum {string} */
            enrolmentStatus: "open" | "suspended";
            /** @description Version of enrolment-{id}: send it as If-Match to suspend or reinstate */
            enrolmentVersion: number;
            id: string;
            latestAnnual: components["schemas"]["LatestResult"] | null;
            latestQuality: components["schemas"]["LatestResult"] | null;
            name: string;
            /** @description Cases issued, acknowledged, submitted or returned */
            openRectifications: number;
            /** @enum {string} */
            ownership: "public" | "private-inclusive" | "private";
            registeredAt: string;
            /** @description The suspension in force, with its effective date */
            suspension: components["schemas"]["SuspensionResponse"] | null;
            township: string;
            /** @description Version of kindergarten-{id}; also the ETag */
            version: number;
        };
        LatestResult: {
            /** @enum {string} */
            outcome: "passed" | "failed";
            year: number;
        };
        MeResponse: {
            /** @description With a session: send it as X-CSRF-Token on every POST, PUT and DELETE */
            csrfToken?: string;
            passwordChangeRequired: boolean;
            user: components["schemas"]["MeUser"];
        };
        MeUser: {
            id: string;
            kindergartenId?: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "kindergarten" | "department" | "auditor";
            townships?: string[];
            unitId?: string;
        };
        MonthlyReportDto: {
            /** @description Optional: uploads (POST /attachments) by users of the caller’s unit, else 422 `unknown-attachment` */
            evidence?: components["schemas"]["MonthlyReportEvidenceDto"][];
            /** @description One item per task, each task at most once */
            items: components["schemas"]["MonthlyReportItemDto"][];
            /**
             * @description The month reported on (Asia/Shanghai), once it has ended
             * @example 2025-03
             */
            period: string;
        };
        MonthlyReportEvidenceDto: {
            /**
             * Format: uuid
             * @description An attachment from POST /attachments, uploaded by a user of the caller’s unit
             */
            attachmentId: string;
            /** @example 督导检查现场照片 */
            caption?: string;
        };
        MonthlyReportEvidenceResponse: {
            /** @description GET /attachments/{id} */
            attachmentId: string;
            caption?: string;
            contentType: string;
            name: string;
            sha256: string;
            sizeBytes: number;
        };
        MonthlyReportItemDto: {
            /** @example 已完成全县幼儿园年检，3所限期整改 */
            progress: string;
            /** @enum {string} */
            status: "on-track" | "at-risk" | "done";
            /**
             * @description A task of the plan that the caller’s unit leads or shares
             * @example 15
             */
            taskNo: number;
        };
        MonthlyReportItemResponse: {
            progress: string;
            /** @enum {string} */
            status: "on-track" | "at-risk" | "done";
            taskNo: number;
        };
        MonthlyReportList: {
            items: components["schemas"]["MonthlyReportResponse"][];
            next?: string;
        };
        MonthlyReportResponse: {
            /**
             * @description End of the due day (MONTHLY_REPORT_DUE_DAY) of the following month
             * @example 2025-04-05T23:59:59.999+08:00
             */
            dueAt: string;
            /** @description The uploads the report cites (the last version’s) */
            evidence: components["schemas"]["MonthlyReportEvidenceResponse"][];
            items: components["schemas"]["MonthlyReportItemResponse"][];
            /** @description Submitted after dueAt (null while not submitted) */
            late: boolean | null;
            /** @description When the engine recorded MonthlyReportMissed */
            missedAt: string | null;
            /** @example 2025-03 */
            period: string;
            /**
             * @description pending: not submitted and not yet due; missing: not submitted after dueAt
             * @enum {string}
             */
            status: "on-time" | "late" | "pending" | "missing";
            submittedAt: string | null;
            unit: components["schemas"]["UnitRefResponse"];
            /** @description Version of monthlyReport-{unitId}-{period}; also the ETag */
            version: number;
            /** @description Every version filed, the first one first; an amendment adds one */
            versions: components["schemas"]["ReportVersionResponse"][];
        };
        NewDeadlineDto: {
            /** @description `{workingDays: 1..90}` or `{dueAt}` */
            deadline: components["schemas"]["DeadlineDto"];
            reason: string;
        };
        OpenAssessmentDto: {
            /** @example 2025 */
            year: number;
        };
        OpenAssessmentResponse: {
            /** @description Annual inspections that already existed (none is scheduled twice) */
            existing: components["schemas"]["AnnualInspectionRefResponse"][];
            openedAt: string;
            /** @description Annual inspections this request scheduled */
            scheduled: components["schemas"]["AnnualInspectionRefResponse"][];
            /** @description Version of assessment-{YYYY}; also the ETag */
            version: number;
            year: number;
        };
        PasswordResetResponse: {
            /** @description One-time password, shown only here; to be changed at first sign-in */
            initialPassword: string;
        };
        PlanTaskList: {
            items: components["schemas"]["PlanTaskResponse"][];
            next?: string;
        };
        PlanTaskResponse: {
            /** @example （六）加强监督管理，规范幼儿园办园行为 */
            group: string;
            /** @description 牵头单位 */
            leadUnits: components["schemas"]["UnitRefResponse"][];
            note: string | null;
            /** @description 责任单位 */
            responsibleUnits: components["schemas"]["UnitRefResponse"][];
            summary: string;
            /** @example 15 */
            taskNo: number;
            /** @description The time nodes (时间节点) the plan sets */
            timeNodes: string[];
            /** @example 规范办园行为 */
            title: string;
        };
        ProblemDetailsSchema: {
            /**
             * @description Stable error code from the API contract
             * @example invalid-transition
             */
            code: string;
            /** @example Cannot acknowledge a case that is submitted */
            detail: string;
            /** @description With 400 validation-failed: one entry per invalid field */
            errors?: components["schemas"]["FieldError"][];
            /** @example 409 */
            status: number;
            /** @example Not possible in the current state */
            title: string;
            /** @example /problems/invalid-transition */
            type: string;
        };
        ProposalResponse: {
            basis: string;
            facts: string;
            proposedAt: string;
            /** Format: date */
            proposedFrom: string;
            rectificationId: string;
            statement?: components["schemas"]["StatementResponse"];
            /** @description The end of the statement period (陈述申辩期限) */
            statementDueAt: string;
            /** @enum {boolean} */
            waived?: true;
            waivedAt?: string;
        };
        PublicDisclosure: {
            caregivers: number;
            children: number;
            monthlyFeeYuan: number;
            publishedAt: string;
            teachers: number;
        };
        PublicKindergarten: {
            /** @description Closed (停办) */
            closed: boolean;
            /** Format: date */
            closedOn: string | null;
            disclosure: components["schemas"]["PublicDisclosure"] | null;
            /** @enum {string} */
            enrolmentStatus: "open" | "suspended";
            id: string;
            latestAnnual: components["schemas"]["PublicResult"] | null;
            latestQuality: components["schemas"]["PublicResult"] | null;
            name: string;
            ownership: string;
            township: string;
        };
        PublicKindergartenList: {
            items: components["schemas"]["PublicKindergarten"][];
            next?: string;
        };
        PublicNotice: {
            /**
             * @description 文号; null for notices issued before v1.1
             * @example 清教督改〔2026〕3号
             */
            documentNo: string | null;
            dueAt: string;
            /** @description The findings’ descriptions */
            findings: string[];
            id: string;
            issuedAt: string;
            kindergarten: components["schemas"]["KindergartenName"];
            overdue: boolean;
            status: string;
            /** @description A withdrawn notice stays, marked 已撤销 with the reason */
            withdrawal: components["schemas"]["PublicWithdrawal"] | null;
        };
        PublicNotices: {
            notices: components["schemas"]["PublicNotice"][];
            suspensions: components["schemas"]["PublicSuspension"][];
        };
        PublicResult: {
            /** @enum {string} */
            outcome: "passed" | "failed";
            year: number;
        };
        PublicSuspension: {
            /** Format: date */
            effectiveFrom: string;
            kindergarten: components["schemas"]["KindergartenName"];
            reason: string;
        };
        PublicWithdrawal: {
            /** @enum {string} */
            label: "已撤销";
            reason: string;
            withdrawnAt: string;
        };
        PublishBulletinDto: {
            /** @example 1 */
            quarter: number;
            /** @example 2025 */
            year: number;
        };
        PublishCalendarYearDto: {
            /**
             * @description Every day off, weekends inside a holiday period included
             * @example [
             *       "2027-01-01",
             *       "2027-01-02",
             *       "2027-01-03"
             *     ]
             */
            holidays: string[];
            /**
             * @description Make-up working days (调休上班日): Saturdays or Sundays
             * @example [
             *       "2027-02-07"
             *     ]
             */
            makeUpWorkdays: string[];
            /** @description Required to replace a year that already has data from any source */
            replace?: boolean;
            /**
             * @description The State Council notice’s number
             * @example 国办发明电〔2026〕7号
             */
            source: string;
        };
        ReasonDto: {
            reason: string;
        };
        RectificationList: {
            items: components["schemas"]["RectificationResponse"][];
            next?: string;
        };
        RectificationResponse: {
            acknowledgedAt: string | null;
            closedAt: string | null;
            /** @description The deadline as given: {workingDays} or {dueAt} */
            deadline: Record<string, never>;
            /** @description The latest new deadline a supervisor set */
            deadlineReset: components["schemas"]["DeadlineResetResponse"] | null;
            /**
             * @description 文号; null for notices issued before v1.1
             * @example 清教督改〔2026〕3号
             */
            documentNo: string | null;
            /** @example 2025-03-31T23:59:59.999+08:00 */
            dueAt: string;
            /** @description The latest extension request */
            extension: components["schemas"]["ExtensionResponse"] | null;
            findings: components["schemas"]["FindingResponse"][];
            followUp: Record<string, never> | null;
            /** @example rc-annual-2025-cg-kg-01 */
            id: string;
            inspectionId: string;
            issuedAt: string;
            kindergartenId: string;
            overdue: boolean;
            publish: boolean;
            /** @description When a notice issued unpublished was published */
            publishedAt: string | null;
            reports: components["schemas"]["ReportResponse"][];
            /** @enum {string} */
            status: "issued" | "acknowledged" | "submitted" | "returned" | "closed" | "failed" | "withdrawn";
            /** @description Version of rectification-{id}; also the ETag */
            version: number;
            withdrawal: components["schemas"]["WithdrawalResponse"] | null;
        };
        RegisteredUserResponse: {
            /** @description One-time password, shown only here (null for a service account) */
            initialPassword: string | null;
            user: components["schemas"]["UserResponse"];
        };
        RegisterKindergartenDto: {
            /** @example cg-kg-01 */
            id: string;
            /** @example 清水河县城关镇第一幼儿园 */
            name: string;
            /** @enum {string} */
            ownership: "public" | "private-inclusive" | "private";
            /** @example 城关镇 */
            township: string;
        };
        RegisterUserDto: {
            /** @description Personal data: kept outside the event log */
            email?: string;
            /** @example wang */
            id: string;
            /** @description Required for role kindergarten (422 unknown-kindergarten) */
            kindergartenId?: string;
            /** @example 王督学 */
            name: string;
            /** @description Personal data: kept outside the event log */
            phone?: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "kindergarten" | "department" | "auditor";
            /** @description No password: tokens only (an integration) */
            serviceAccount?: boolean;
            /** @description Supervisors only: township ids (or registered names) of the 责任区; absent = the whole county */
            townships?: string[];
            /** @description Required for role department (422 unknown-unit) */
            unitId?: string;
        };
        ReinstatementDto: {
            /** @example 0194f5c2-7a1b-7cde-8f00-123456789abc */
            inspectionId: string;
            reason: string;
        };
        ReportDto: {
            actions: components["schemas"]["CorrectiveActionDto"][];
            /** @description May be empty */
            evidence: components["schemas"]["EvidenceDto"][];
            summary: string;
        };
        ReportResponse: {
            actions: components["schemas"]["ActionResponse"][];
            evidence: components["schemas"]["EvidenceResponse"][];
            /** @description Submitted after the dueAt then in force */
            late: boolean;
            reportNo: number;
            review: components["schemas"]["ReviewResponse"] | null;
            submittedAt: string;
            summary: string;
        };
        ReportVersionResponse: {
            evidence: components["schemas"]["MonthlyReportEvidenceResponse"][];
            filedAt: string;
            items: components["schemas"]["MonthlyReportItemResponse"][];
        };
        RescheduleDto: {
            /** @example 园方大型活动，改期检查 */
            reason: string;
            /**
             * Format: date
             * @description Within the inspection’s year
             * @example 2025-03-12
             */
            scheduledOn: string;
        };
        ReviewDto: {
            comment: string;
            /** @description A new deadline for the resubmission: required for a `return` at or after `dueAt` (422 `deadline-required`) */
            deadline?: components["schemas"]["DeadlineDto"];
            /** @enum {string} */
            decision: "accept" | "return";
        };
        ReviewResponse: {
            comment: string;
            /** @enum {string} */
            decision: "accept" | "return";
            reviewedAt: string;
        };
        ScheduleInspectionDto: {
            /**
             * @description annual 年检, safety 安全隐患排查, quality 保教质量监测评估, follow-up 复查
             * @enum {string}
             */
            kind: "annual" | "safety" | "quality" | "follow-up";
            kindergartenId: string;
            /**
             * Format: date
             * @example 2025-03-10
             */
            scheduledOn: string;
            /** @example 2025 */
            year: number;
        };
        SignInDto: {
            /** @description Refused (400) past 256 characters, before any hashing */
            password: string;
            /** @example wang */
            username: string;
        };
        SignInResponse: {
            csrfToken: string;
            passwordChangeRequired: boolean;
            user: components["schemas"]["MeUser"];
        };
        SingleSignOnStatus: {
            /** @description Whether single sign-on is configured (OIDC_* settings) */
            enabled: boolean;
            /**
             * @description Where the browser starts it; null when not configured
             * @example /api/v1/auth/oidc/start
             */
            startUrl: string | null;
        };
        StatementDto: {
            /** @description Attachments (evidence) the statement cites */
            attachmentIds?: string[];
            /** @example 我园已聘请专业公司完成消防通道整改，请求不予暂停招生 */
            text?: string;
            /**
             * @description Waive the right to state one’s case (放弃陈述申辩)
             * @enum {boolean}
             */
            waive?: true;
        };
        StatementResponse: {
            attachmentIds: string[];
            submittedAt: string;
            text: string;
        };
        StatisticsCountsResponse: {
            /** @description The cases issued in the year (Asia/Shanghai), by where they stand */
            cases: components["schemas"]["CaseCounts"];
            /** @description The inspections of the year, by where they stand */
            inspections: components["schemas"]["InspectionCounts"];
            /** @description Registered and not closed */
            kindergartens: number;
            /** @description Kindergartens whose enrolment is suspended now */
            suspensions: number;
        };
        StatisticsOverviewResponse: {
            /** @example 2026-12-03T10:00:00.000+08:00 */
            asOf: string;
            totals: components["schemas"]["StatisticsCountsResponse"];
            townships: components["schemas"]["TownshipStatisticsResponse"][];
            /** @example 2026 */
            year: number;
        };
        SuspensionDecisionDto: {
            /** @enum {string} */
            decision: "suspend" | "withdraw";
            /**
             * Format: date
             * @description Today (the default) or later, Asia/Shanghai; suspend only
             * @example 2025-09-01
             */
            effectiveFrom?: string;
            /**
             * @description The answer to the statement
             * @example 陈述申辩理由不成立：复查时消防通道仍被堵塞
             */
            reason: string;
        };
        SuspensionNoticeDto: {
            /** @example 清政发〔2023〕52号：整改后仍不达标的，暂停其招生 */
            basis: string;
            /** @example 2025年年检发现消防通道堵塞，限期整改后复查仍不达标 */
            facts: string;
            /**
             * Format: date
             * @description The date the suspension would take effect
             * @example 2025-09-01
             */
            proposedFrom: string;
            /**
             * @description A failed rectification case of this kindergarten
             * @example rc-annual-2025-cg-kg-01
             */
            rectificationId: string;
        };
        SuspensionResponse: {
            /** Format: date */
            effectiveFrom: string;
            reason: string;
            rectificationId: string;
            suspendedAt: string;
        };
        TownshipList: {
            items: components["schemas"]["TownshipResponse"][];
        };
        TownshipResponse: {
            /** @example chengguan */
            id: string;
            /** @example 城关镇 */
            name: string;
        };
        TownshipStatisticsResponse: {
            /** @description The cases issued in the year (Asia/Shanghai), by where they stand */
            cases: components["schemas"]["CaseCounts"];
            /** @description The inspections of the year, by where they stand */
            inspections: components["schemas"]["InspectionCounts"];
            /** @description Registered and not closed */
            kindergartens: number;
            /** @example 城关镇 */
            name: string;
            /** @description Kindergartens whose enrolment is suspended now */
            suspensions: number;
            /**
             * @description The township’s id in the register (GET /townships)
             * @example chengguan
             */
            township: string;
        };
        UnitAssessmentResponse: {
            late: number;
            missing: number;
            name: string;
            onTime: number;
            /** @description Monthly reports of the year owed so far (due by now, months after the unit was registered) */
            owed: number;
            /** @description round(100 × (onTime + 0.5 × late) / owed); null when nothing was owed */
            score: number | null;
            unitId: string;
        };
        UnitRefResponse: {
            /** @example county-education-bureau */
            id: string;
            /** @example 县教育局 */
            name: string;
        };
        UnreadCount: {
            /** @example 3 */
            count: number;
        };
        UpdateKindergartenDto: {
            /** @example 清水河县城关镇第一幼儿园 */
            name: string;
            /** @enum {string} */
            ownership: "public" | "private-inclusive" | "private";
            /**
             * @description A township id, or its registered name
             * @example chengguan
             */
            township: string;
        };
        UpdateUserDto: {
            /** @description Personal data: kept outside the event log */
            email?: string;
            /** @description Required for role kindergarten (422 unknown-kindergarten) */
            kindergartenId?: string;
            /** @example 王督学 */
            name: string;
            /** @description Personal data: kept outside the event log */
            phone?: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "kindergarten" | "department" | "auditor";
            /** @description Supervisors only: township ids (or registered names) of the 责任区; absent = the whole county */
            townships?: string[];
            /** @description Required for role department (422 unknown-unit) */
            unitId?: string;
        };
        UserList: {
            items: components["schemas"]["UserResponse"][];
            next?: string;
        };
        UserResponse: {
            email?: string;
            enabled: boolean;
            id: string;
            kindergartenId?: string;
            name: string;
            passwordChangeRequired: boolean;
            phone?: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "kindergarten" | "department" | "auditor";
            serviceAccount: boolean;
            townships?: string[];
            unitId?: string;
            version: number;
        };
        VerificationResponse: {
            /** @description Cited attachments whose stored bytes were re-hashed */
            attachmentsChecked: number;
            broken: components["schemas"]["ChainBreakResponse"][];
            eventsChecked: number;
            ok: boolean;
            streamsChecked: number;
        };
        WithdrawalDto: {
            /** @example 检查结论有误，撤销本通知 */
            reason: string;
        };
        WithdrawalResponse: {
            reason: string;
            withdrawnAt: string;
        };
        WithdrawnFindingResponse: {
            code: string;
            description: string;
            reason: string;
            /** @enum {string} */
            severity: "minor" | "major" | "critical";
            withdrawnAt: string;
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
    AnnualAssessmentsController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAssessmentDto"];
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAssessmentResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `concurrency-conflict`, `idempotency-key-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AnnualAssessmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag: "<version>" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentDetailResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AttachmentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type`, `unsupported-file-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AttachmentsController_download: {
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
            /** @description The bytes as uploaded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten, department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AttachmentsController_thumbnail: {
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
            /** @description JPEG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten, department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_globalEvents: {
        parameters: {
            query?: {
                /** @description Exclusive */
                afterPosition?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events of every stream with their global positions; `next` is the path of the next page, absent on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            [key: string]: unknown;
                        }[];
                        /** @example /api/v1/audit/events?afterPosition=100 */
                        next?: string;
                    };
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event envelope per line, as `audit import` reads it (Content-Disposition: attachment; filename="events.ndjson") */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_signIns: {
        parameters: {
            query?: {
                /** @description First Shanghai date (default: today) */
                from?: string;
                /** @description Last Shanghai date, inclusive (default: from); at most 31 days in all */
                to?: string;
                /** @description Only this user’s sign-ins, sign-outs and failures (by id or typed username) */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of `{streamId, version, type, at, actor, data, sentence}`; `next` is the path of the next page, absent on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            [key: string]: unknown;
                        }[];
                        /** @example /api/v1/audit/events?afterPosition=100 */
                        next?: string;
                    };
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_streams: {
        parameters: {
            query?: {
                /** @description The last stream id of the previous page */
                after?: string;
                limit?: number;
                /** @description The stream category: kindergarten, inspection, rectification, enrolment, … */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of streams: `{streamId, type, version}`; `next` is the path of the next page, absent on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            [key: string]: unknown;
                        }[];
                        /** @example /api/v1/audit/events?afterPosition=100 */
                        next?: string;
                    };
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_streamEvents: {
        parameters: {
            query?: {
                /** @description Inclusive */
                fromVersion?: number;
                limit?: number;
            };
            header?: never;
            path: {
                streamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the stream’s events with their envelopes (ids, versions, metadata, hashes); `next` is the path of the next page, absent on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            [key: string]: unknown;
                        }[];
                        /** @example /api/v1/audit/events?afterPosition=100 */
                        next?: string;
                    };
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_state: {
        parameters: {
            query?: {
                /** @description RFC 3339: the state after the last event recorded at or before it */
                at?: string;
                /** @description The state after this event */
                version?: number;
            };
            header?: never;
            path: {
                streamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version reached and the aggregate’s state then, as its decider sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                streamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream’s steps in order, each told in Chinese with the state after it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuditController_verification: {
        parameters: {
            query?: {
                /** @description One stream; all when absent */
                streamId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report; with `Accept: application/x-ndjson`, progress lines ending with the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResponse"];
                    "application/x-ndjson": string;
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: auditor, admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: to `/` with the session cookie */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No pending sign-in of this browser has this `state` (none started, expired, or already used) — `oidc-state-mismatch` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description The provider refused the sign-in, refused the code (used, expired, or not this sign-in’s PKCE verifier), or its ID token fails a check (nonce, issuer, audience, signature, expiry) — `oidc-sign-in-refused`, `oidc-code-rejected`, `oidc-id-token-rejected` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description The provider’s account leads to no registered, enabled user — `unknown-user` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Single sign-on is not configured (OIDC_* settings) — `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description The identity provider cannot be reached — `oidc-provider-unavailable` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    OidcController_start: {
        parameters: {
            query?: {
                /** @description A path of this site to open after signing in (default `/`) */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider’s authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Single sign-on is not configured (OIDC_* settings) — `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description The identity provider cannot be reached — `oidc-provider-unavailable` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    OidcController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleSignOnStatus"];
                };
            };
            /** @description Single sign-on is not configured (OIDC_* settings) — `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description The identity provider cannot be reached — `oidc-provider-unavailable` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-credentials`
             *
             *     Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated`
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `weak-password` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuthController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `invalid-credentials` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `account-locked` */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    AuthController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    BulletinsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinList"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    BulletinsController_publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishBulletinDto"];
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `bulletin-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `period-not-ended`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    BulletinsController_get: {
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
            /** @description ETag: "<version>" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_bulletin: {
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
            /** @description A Word document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    CalendarController_year: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `calendar-unavailable` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    CalendarController_publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of calendar-{year}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `calendar-year-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-calendar`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    CalendarController_deadline: {
        parameters: {
            query: {
                /** @description The day of issue (Asia/Shanghai) */
                from: string;
                workingDays: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlineResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `calendar-unavailable` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_kindergartens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An Excel workbook, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_monthlyReports: {
        parameters: {
            query?: {
                /** @description Default: the current year */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An Excel workbook, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_rectifications: {
        parameters: {
            query?: {
                overdue?: "true" | "false";
                /** @description `open`: issued, acknowledged, submitted or returned */
                status?: "issued" | "acknowledged" | "submitted" | "returned" | "closed" | "failed" | "withdrawn" | "open";
                /** @description The kindergartens of this township only */
                township?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An Excel workbook, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                limit?: number;
                /** @description `true`: only what this user has not read */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InboxController_read: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxItemResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InboxController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_list: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                kind?: "annual" | "safety" | "quality" | "follow-up";
                kindergartenId?: string;
                limit?: number;
                status?: "scheduled" | "concluded" | "cancelled";
                /** @description The kindergarten’s township */
                township?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_schedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleInspectionDto"];
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `kindergarten-closed`, `annual-inspection-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-kindergarten`, `scheduled-outside-year`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_get: {
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
            /** @description ETag: "<version>" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of inspection-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `inspection-concluded`, `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_conclude: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of inspection-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConclusionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `inspection-concluded`, `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `failed-without-findings`, `conclusion-before-scheduled`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_recordFinding: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of inspection-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindingDto"];
            };
        };
        responses: {
            /** @description The inspection, with Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `inspection-concluded`, `finding-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_amendFinding: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of inspection-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendFindingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `inspection-concluded`, `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_withdrawFinding: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of inspection-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `inspection-concluded`, `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    InspectionsController_reschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of inspection-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `inspection-concluded`, `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `scheduled-outside-year`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_list: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                enrolmentStatus?: "open" | "suspended";
                limit?: number;
                ownership?: "public" | "private-inclusive" | "private";
                /** @description Part of the name */
                q?: string;
                township?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterKindergartenDto"];
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `kindergarten-exists`, `kindergarten-name-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-township`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_get: {
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
            /** @description ETag: "<version>" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of kindergarten-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateKindergartenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `kindergarten-name-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-township`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of kindergarten-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClosureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `kindergarten-closed`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_publishDisclosure: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of kindergarten-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisclosureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `concurrency-conflict`, `idempotency-key-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_suspensionDecision: {
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
            /** @description A Word document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found`, `no-decision` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_suspensionProposal: {
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
            /** @description A Word document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found`, `no-proposal` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_reinstate: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of enrolment-{id} (enrolmentVersion): 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReinstatementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `not-suspended`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-inspection`, `reinstatement-requires-passed-follow-up`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_submitStatement: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of enrolment-{id} (enrolmentVersion): 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `no-proposal`, `statement-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `statement-period-over`, `unknown-attachment`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_decideSuspension: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of enrolment-{id} (enrolmentVersion): 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspensionDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `no-proposal`, `statement-period-open`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `effective-from-in-past`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    KindergartensController_proposeSuspension: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of enrolment-{id} (enrolmentVersion): 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspensionNoticeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `already-suspended`, `suspension-proposed`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-rectification`, `suspension-requires-failed-rectification`, `calendar-unavailable`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    MonthlyReportsController_list: {
        parameters: {
            query: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                limit?: number;
                period: string;
                /** @description One unit only (implied for a department) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    MonthlyReportsController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MonthlyReportDto"];
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `report-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-unit`, `period-outside-plan`, `period-not-ended`, `unknown-task`, `task-not-assigned`, `task-not-reported`, `unknown-attachment`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    MonthlyReportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                period: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag: "<version>" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    MonthlyReportsController_amend: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of monthlyReport-{unitId}-{period}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                period: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendMonthlyReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: department; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-task`, `task-not-assigned`, `task-not-reported`, `unknown-attachment`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    PlanTasksController_list: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                limit?: number;
                /** @description Only the tasks this unit leads or shares */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanTaskList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    PublicController_kindergartens: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicKindergartenList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Too many requests a minute from one client address; Retry-After says when to come back — `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    PublicController_notices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicNotices"];
                };
            };
            /** @description Too many requests a minute from one client address; Retry-After says when to come back — `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    TownshipsController_publicList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TownshipList"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_list: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                /** @description Due (`dueAt`) on or after this day (Asia/Shanghai) */
                dueFrom?: string;
                /** @description Due (`dueAt`) on or before this day (Asia/Shanghai) */
                dueTo?: string;
                /** @description Issued on or after this day (Asia/Shanghai) */
                from?: string;
                kindergartenId?: string;
                limit?: number;
                overdue?: "true" | "false";
                /** @description Part of the document number, the kindergarten’s name or the case id */
                q?: string;
                status?: "issued" | "acknowledged" | "submitted" | "returned" | "closed" | "failed" | "withdrawn" | "open";
                /** @description Issued on or before this day (Asia/Shanghai) */
                to?: string;
                /** @description The kindergarten’s township */
                township?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_issue: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueNoticeDto"];
            };
        };
        responses: {
            /** @description With Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `rectification-exists`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-kindergarten`, `unknown-inspection`, `inspection-not-failed`, `unknown-finding`, `deadline-in-past`, `calendar-unavailable`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_get: {
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
            /** @description ETag: "<version>" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_acknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_resetDeadline: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewDeadlineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `deadline-in-past`, `calendar-unavailable`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_decideExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`, `no-pending-extension`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_requestExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionRequestDto"];
            };
        };
        responses: {
            /** @description The case, with Location and ETag */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`, `extension-pending`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `extension-after-deadline`, `extension-not-later`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_followUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`, `follow-up-too-early`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-inspection`, `follow-up-inspection-required`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    DocumentsController_notice: {
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
            /** @description A Word document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor, kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`, `already-published`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_submitReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: kindergarten; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-finding`, `finding-not-addressed`, `unknown-attachment`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_review: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `deadline-required`, `deadline-in-past`, `calendar-unavailable`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    RectificationsController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of rectification-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RectificationResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: supervisor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `invalid-transition`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    StatisticsController_overview: {
        parameters: {
            query?: {
                /** @description Default: this year in Asia/Shanghai */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatisticsOverviewResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    TownshipsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TownshipList"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin, supervisor, kindergarten, department, auditor; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description The cursor from the previous page’s `next` link */
                after?: string;
                kindergartenId?: string;
                limit?: number;
                role?: "admin" | "supervisor" | "kindergarten" | "department" | "auditor";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredUserResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `user-exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unknown-kindergarten`, `unknown-unit`, `unknown-township` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of user-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description `validation-failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `concurrency-conflict`, `idempotency-key-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `unknown-kindergarten`, `unknown-unit`, `unknown-township`
             *
             *     `idempotency-key-reused`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_disable: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of user-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /**
             * @description `cannot-disable-self`
             *
             *     `concurrency-conflict`, `idempotency-key-in-progress`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_enable: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 visible ASCII characters; a retry with the same key and body replays the first response */
                "Idempotency-Key"?: string;
                /** @description "<version>" of user-{id}: 412 version-mismatch if it has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `concurrency-conflict`, `idempotency-key-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `version-mismatch` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `idempotency-key-reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    UsersController_resetPassword: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetResponse"];
                };
            };
            /** @description Missing, malformed, badly signed or expired token, a token of no registered and enabled user, or an ended session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin; a cookie-authenticated write without the session's X-CSRF-Token; a one-time password not yet changed — `forbidden`, `csrf-failed`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `invalid-transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description `store-unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The process is up
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Both reachable
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /**
             * @description A dependency is down: `details` says which and why
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Neither the METRICS_TOKEN bearer token nor an admin’s token or session — `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
            /** @description Allowed for: admin (or the METRICS_TOKEN); a one-time password not yet changed — `forbidden`, `password-change-required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsSchema"];
                };
            };
        };
    };
}
