// Generated from specs/losant.yaml by scripts/genTypes.js (openapi-typescript). Do not edit: change the spec and run `npm run gen:types`.
export interface paths {
    "/applications/{applicationId}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Returns the application certificates for an application
         * @description Client method `applicationCertificates.get`. Scopes (any of): all.Application,
         *     all.Application.bounded, all.Application.read, all.Organization, all.Organization.bounded,
         *     all.Organization.read, all.User, all.User.bounded, all.User.read, applicationCertificates.*,
         *     applicationCertificates.get (v4.2.0's list).
         *
         *     Rules the mock enforces:
         *     - No `Authorization` header, a scheme other than `Bearer`, or an unknown token → 401
         *       `{"type":"Unauthorized","message":"Invalid access token"}` (unverified standin choice).
         *     - A known token holding none of the scopes above → 403 `{"type":"Forbidden",...}`
         *       (unverified standin choice; `losant-demo-none` gets this).
         *     - `applicationId` not matching `^[A-Fa-f0-9]{24}$` → 400 `{"type":"Validation"}`.
         *     - A query parameter outside its schema (unknown `sortField`/`filterField`, a `sortDirection`
         *       other than `asc`, `desc`, `ASC`, `DESC`, `""`, `page`/`perPage` not decimal digits or
         *       `perPage` outside 1–1000, a `filter` over 1024 characters, a `query` over 4096 characters,
         *       non-boolean `_actions`/`_links`/`_embedded`) → 400 Validation.
         *     - `query` that is not JSON, not an object, or breaks AdvancedApplicationCertQuery (an unknown
         *       field or operator, a wrong operand type, a list over 100 items, an id condition without
         *       exactly one operator) → 400 Validation naming the offending path, e.g.
         *       `query parameter 'query': '$or[0].name.$regex' is not allowed`. So does a `query` nesting
         *       `$and`/`$or`/`$nor` objects more than 10 levels deep (the query itself is level 1) or
         *       holding more than 200 conditions (field conditions plus logical operators, at every
         *       level) [standin choice]. These are checked before the application is looked up.
         *     - Unknown application → 404 `{"type":"NotFound","message":"Application was not found"}`.
         *     - Filtering: applies only when both `filterField` and `filter` are non-blank and `query` is
         *       blank or absent. `filter` is a glob where `*` matches any run of characters (possibly
         *       empty) and every other character matches itself; it must match the whole field value;
         *       matching is case-insensitive [standin choice]. Filtering on `certificateInfo.commonName`
         *       treats a missing name as `""`.
         *     - Advanced query: a non-blank `query` overrides `filterField`/`filter` (neither is then
         *       applied or echoed); the certificates it matches are sorted and paged as usual. Its
         *       semantics are MongoDB's, which Losant's queries follow:
         *       - top-level fields must all hold; `$and` (all hold), `$or` (one holds), `$nor` (none
         *         holds) take arrays of queries; with an empty array `$and` and `$or` match every
         *         certificate and `$nor` none (docs.losant.com, references/advanced-queries).
         *       - `"field": value` means `{"$eq": value}`; an object of operators must hold all of them;
         *         one holding only `$ci`, or `{}`, matches every certificate [standin choice].
         *       - `$eq`/`$ne`/`$gt`/`$gte`/`$lt`/`$lte`/`$in`/`$nin` compare values of the field's own
         *         type: text by code point, ids case-insensitively, dates by time, given as milliseconds
         *         since the epoch (Losant's guide) or as ISO 8601 text [standin choice]; a value of another
         *         type never compares (`{"status": 1}` matches nothing, `{"status": {"$ne": 1}}`
         *         everything). `null` matches an absent field (`$eq`, `$gte`, `$lte`); `$ne null`
         *         matches a present one.
         *       - `$startsWith`, `$endsWith`, `$contains` match text, case-sensitively unless `$ci` is
         *         `true` (Losant's guide: "used with other string operators"); `$ci` changes no other
         *         operator; they never match a date [standin choice].
         *       - Array fields (`pubTopics`, `subTopics`, `deviceId`) match when one element matches;
         *         `$ne`/`$nin` when none does.
         *       - Fields: `id`, `name`, `creationDate`, `lastUpdated`, `status`, `filterType`,
         *         `pubTopics`, `subTopics`, `deviceId` (an id in `deviceIds`), and the certificateInfo
         *         fields `serialNumber`, `fingerprint`, `commonName`, `issuerName`, `notValidBefore`,
         *         `notValidAfter`. `addresses`, `addressFilterType` and `issuerSerialNumber` belong to a
         *         newer certificate model than standin stores: they are accepted and absent on every
         *         certificate [standin choice].
         *     - Sorting by `sortField` (default `certificateInfo.commonName`) in `sortDirection`
         *       (default `asc`; `""` sorts ascending); strings compare by code point, dates
         *       chronologically; ties break by `id` ascending [standin choice].
         *     - Paging: `page` (0-based, default 0) of `perPage` (default 100) items; a page past the end
         *       returns `items: []`. `count` is the number of items on the page; `totalCount` the number
         *       of certificates matching the filter or query.
         *     - The response echoes `perPage`, `page` (as integers), `sortField`, `sortDirection` (as
         *       sent, default `asc`) and `applicationId`; `filterField` and `filter` are echoed only when
         *       they were applied; `query` is not echoed.
         *     - Certificates of other applications are never listed.
         */
        get: operations["listApplicationCertificates"];
        put?: never;
        /**
         * Create a new application certificate for an application
         * @description Client method `applicationCertificates.post`. Scopes (any of): all.Application,
         *     all.Application.bounded, all.Organization, all.Organization.bounded, all.User,
         *     all.User.bounded, applicationCertificates.*, applicationCertificates.post (v4.2.0's list;
         *     read-only scopes such as `all.Application.read` are refused).
         *
         *     Rules the mock enforces:
         *     - Missing/unknown token → 401 `{"type":"Unauthorized","message":"Invalid access token"}`;
         *       a token without any of the scopes above (e.g. `losant-demo-read`) → 403
         *       `{"type":"Forbidden",...}` (both unverified standin choices).
         *     - `applicationId` not matching `^[A-Fa-f0-9]{24}$` → 400 Validation.
         *     - The body must validate against ApplicationCertificatePost (`additionalProperties: false`):
         *       `certificate` is required (string, 50–32767 characters); an unknown property, a wrong
         *       type or enum value, a bad device id or tag → 400 Validation. Malformed JSON → 400
         *       Validation.
         *     - Unknown application → 404 `{"type":"NotFound","message":"Application was not found"}`.
         *     - `certificate` must be a PEM X.509 certificate that node:crypto `X509Certificate` parses
         *       (the first certificate of the PEM is used); otherwise → 400 Validation.
         *     - `certificateInfo` is derived from the certificate, never taken from the request:
         *       `serialNumber` = the serial as lowercase colon-separated hex bytes (left-padded to an even
         *       number of digits), `fingerprint` = the SHA-1 fingerprint as uppercase colon-separated hex
         *       (`X509Certificate.fingerprint`), `commonName` = the subject's CN (the last one when there
         *       are several; `""` when absent), `issuerName` = the issuer's CN (the full issuer DN,
         *       `O=Acme, OU=Line 4` style, when it has no CN); names are cut at 1024 characters,
         *       `notValidBefore`/`notValidAfter` = `validFrom`/`validTo` as ISO 8601 UTC with
         *       milliseconds. The formats follow the vendor's example [standin choice for the derivation].
         *     - A new 24-hex id is generated (seeded generator); `id` and `applicationCertificateId` are
         *       equal; `applicationId` is the path id; `creationDate` and `lastUpdated` are the (injectable)
         *       clock's now.
         *     - `name` (optional, 1–255 characters [standin choice]) is stored as sent; when it is not
         *       sent it is the certificate's `commonName`, or its `serialNumber` when the subject has no CN
         *       (docs.losant.com). Names need not be unique.
         *     - Defaults: `status: active`, `filterType: all`, `pubTopics: []`, `subTopics: []`.
         *       `description`, `deviceIds`, `deviceTags` appear only when sent [standin choice].
         *     - The stored PEM is echoed in `certificate` (v4.2.0 behaviour; see info, contradiction 2).
         *     - The same PEM may be registered more than once [standin choice: the vendor documents no
         *       uniqueness rule].
         *     - 201 with the created certificate; a later GET returns the same representation.
         */
        post: operations["createApplicationCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/certificates/{applicationCertificateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieves information on an application certificate
         * @description Client method `applicationCertificate.get`. Scopes (any of): all.Application,
         *     all.Application.bounded, all.Application.read, all.Organization, all.Organization.bounded,
         *     all.Organization.read, all.User, all.User.bounded, all.User.read, applicationCertificate.*,
         *     applicationCertificate.get (v4.2.0's list).
         *
         *     Rules the mock enforces:
         *     - Missing/unknown token → 401 `{"type":"Unauthorized","message":"Invalid access token"}`;
         *       a token without any of the scopes above → 403 `{"type":"Forbidden",...}` (both
         *       unverified standin choices).
         *     - `applicationId` or `applicationCertificateId` not matching `^[A-Fa-f0-9]{24}$` → 400
         *       Validation.
         *     - Unknown application → 404 `{"type":"NotFound","message":"Application was not found"}`.
         *     - Unknown certificate, a deleted one, or one that belongs to another application → 404
         *       `{"type":"NotFound","message":"Application Certificate was not found"}`.
         *     - 200 with the stored certificate, exactly as the last create/patch returned it (including
         *       the stored PEM in `certificate`; see info, contradiction 2).
         */
        get: operations["getApplicationCertificate"];
        put?: never;
        post?: never;
        /**
         * Deletes an application certificate
         * @description Client method `applicationCertificate.delete`. Scopes (any of): all.Application,
         *     all.Application.bounded, all.Organization, all.Organization.bounded, all.User,
         *     all.User.bounded, applicationCertificate.*, applicationCertificate.delete (v4.2.0's list;
         *     read-only scopes are refused).
         *
         *     Rules the mock enforces:
         *     - Missing/unknown token → 401 `{"type":"Unauthorized","message":"Invalid access token"}`;
         *       a token without any of the scopes above (e.g. `losant-demo-read`) → 403
         *       `{"type":"Forbidden",...}` (both unverified standin choices).
         *     - `applicationId` or `applicationCertificateId` not matching `^[A-Fa-f0-9]{24}$` → 400
         *       Validation.
         *     - Unknown application → 404 `{"type":"NotFound","message":"Application was not found"}`;
         *       unknown certificate, one already deleted, or one of another application → 404
         *       `{"type":"NotFound","message":"Application Certificate was not found"}` (so a second
         *       DELETE of the same id is 404).
         *     - 200 `{"success":true}`; the certificate is removed: later GET/PATCH/DELETE → 404 and it
         *       no longer appears in the list or its `totalCount`.
         *     - losant-rest sends the JSON body `{}` with DELETE; any JSON object body is accepted and
         *       ignored.
         */
        delete: operations["deleteApplicationCertificate"];
        options?: never;
        head?: never;
        /**
         * Updates information about an application certificate
         * @description Client method `applicationCertificate.patch`. Scopes (any of): all.Application,
         *     all.Application.bounded, all.Organization, all.Organization.bounded, all.User,
         *     all.User.bounded, applicationCertificate.*, applicationCertificate.patch (v4.2.0's list;
         *     read-only scopes are refused).
         *
         *     Rules the mock enforces:
         *     - Missing/unknown token → 401 `{"type":"Unauthorized","message":"Invalid access token"}`;
         *       a token without any of the scopes above (e.g. `losant-demo-read`) → 403
         *       `{"type":"Forbidden",...}` (both unverified standin choices).
         *     - `applicationId` or `applicationCertificateId` not matching `^[A-Fa-f0-9]{24}$` → 400
         *       Validation.
         *     - The body must validate against ApplicationCertificatePatch (`additionalProperties:
         *       false`): only `name` (newest API, 1–255 characters), `status`, `description`,
         *       `certificate`, `filterType`, `pubTopics`, `subTopics`. Any other property (including `deviceIds`, `deviceTags`, `id`,
         *       `certificateInfo`) → 400 Validation; a wrong type, enum value or length → 400 Validation;
         *       malformed JSON → 400 Validation.
         *     - Unknown application → 404 `{"type":"NotFound","message":"Application was not found"}`;
         *       unknown/deleted certificate or one of another application → 404
         *       `{"type":"NotFound","message":"Application Certificate was not found"}`.
         *     - A new `certificate` must parse as a PEM X.509 certificate (else 400 Validation, nothing
         *       changes); `certificateInfo` is then re-derived from it exactly as on create; `name` keeps
         *       its value, sent or derived, unless the patch sends one [standin choice].
         *     - The sent fields replace the stored ones (arrays are replaced, not merged); fields not
         *       sent keep their values; `lastUpdated` is set to the clock's now (also for an empty body
         *       `{}` [standin choice]); `id`, `applicationId` and `creationDate` never change.
         *     - 200 with the updated certificate; a later GET returns the same representation.
         */
        patch: operations["patchApplicationCertificate"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ObjectId
         * @description A 24-character hexadecimal id (Losant pattern `^[A-Fa-f\d]{24}$`).
         * @example 575ec8687ae143cd83dc4a97
         */
        ObjectId: string;
        /**
         * Error
         * @description Schema for errors returned by the API (losant-rest `error.json`, the same `{type, message}`
         *     in 2.3.7, 2.8.1 and v4.2.0). Known `type` values: `Validation`, `NotFound`, `AlreadyExists`,
         *     and standin's `Unauthorized`, `Forbidden`. Extra properties are allowed.
         */
        Error: {
            /** @example NotFound */
            type: string;
            /** @example Application was not found */
            message: string;
        };
        /**
         * Success
         * @description Schema for reporting a successful operation (losant-rest `success.json`).
         */
        Success: {
            /** @enum {boolean} */
            success: true;
        };
        /**
         * Certificate status
         * @enum {string}
         */
        CertificateStatus: "active" | "inactive";
        /**
         * Filter type
         * @description Topic filter mode (the vendor's schema is a oneOf of two string enums, kept as is).
         */
        FilterType: ("all" | "whitelist" | "blacklist") | "none";
        /** Topics */
        Topics: string[];
        /** Device ids */
        DeviceIds: components["schemas"]["ObjectId"][];
        /** Device tag (request) */
        DeviceTagPost: {
            key?: string;
            value?: string;
        };
        /**
         * Certificate name
         * @description A human-readable name, for reference only; not unique. 1–255 characters [standin choice].
         */
        CertificateName: string;
        /**
         * PEM certificate
         * @description A PEM-encoded X.509 certificate (`-----BEGIN CERTIFICATE-----` ...).
         */
        CertificatePem: string;
        /**
         * Certificate info
         * @description Read from the certificate (standin: node:crypto X509Certificate). `serialNumber` lowercase
         *     colon-hex, `fingerprint` SHA-1 uppercase colon-hex, `commonName` subject CN, `issuerName`
         *     issuer CN, validity in ISO 8601.
         */
        CertificateInfo: {
            serialNumber?: string;
            fingerprint?: string;
            commonName?: string;
            issuerName?: string;
            /** Format: date-time */
            notValidBefore?: string;
            /** Format: date-time */
            notValidAfter?: string;
        };
        /**
         * Application Certificate
         * @description Schema for a single Application Certificate (losant-rest 2.8.1, 13 properties) plus the
         *     optional `certificate` that v4.2.0 returns and the newest API's `name`, which the mock always
         *     sends. Tolerant: extra properties (HAL `_type`,
         *     `_links`, `_embedded`) are allowed. The vendor requires nothing; standin requires the
         *     fields every vendor example carries.
         */
        ApplicationCertificate: {
            id: components["schemas"]["ObjectId"];
            applicationCertificateId: components["schemas"]["ObjectId"];
            applicationId: components["schemas"]["ObjectId"];
            /** Format: date-time */
            creationDate: string;
            /** Format: date-time */
            lastUpdated: string;
            /**
             * @description Newest API: the name sent, or else the certificate's common name (its serial number
             *     when it has none); a derived name may be as long as those (1024).
             */
            name?: string;
            status: components["schemas"]["CertificateStatus"];
            description?: string;
            deviceIds?: components["schemas"]["DeviceIds"];
            deviceTags?: {
                key?: string;
                value?: string;
            }[];
            certificateInfo: components["schemas"]["CertificateInfo"];
            filterType?: components["schemas"]["FilterType"];
            pubTopics?: components["schemas"]["Topics"];
            subTopics?: components["schemas"]["Topics"];
            certificate?: components["schemas"]["CertificatePem"];
        };
        /**
         * Application Certificate Post
         * @description Schema for the body of an Application Certificate creation request (2.8.1 plus the newest
         *     API's `name`). Defaults applied by the mock: `name` from the certificate, `status: active`,
         *     `filterType: all`, `pubTopics: []`, `subTopics: []`.
         */
        ApplicationCertificatePost: {
            name?: components["schemas"]["CertificateName"];
            status?: components["schemas"]["CertificateStatus"];
            description?: string;
            deviceIds?: components["schemas"]["DeviceIds"];
            deviceTags?: components["schemas"]["DeviceTagPost"][];
            certificate: components["schemas"]["CertificatePem"];
            filterType?: components["schemas"]["FilterType"];
            pubTopics?: components["schemas"]["Topics"];
            subTopics?: components["schemas"]["Topics"];
        };
        /**
         * Application Certificate Patch
         * @description Schema for the body of an Application Certificate modification request: the six patchable
         *     fields of 2.8.1 plus the newest API's `name` (no `deviceIds`/`deviceTags`).
         */
        ApplicationCertificatePatch: {
            name?: components["schemas"]["CertificateName"];
            status?: components["schemas"]["CertificateStatus"];
            description?: string;
            certificate?: components["schemas"]["CertificatePem"];
            filterType?: components["schemas"]["FilterType"];
            pubTopics?: components["schemas"]["Topics"];
            subTopics?: components["schemas"]["Topics"];
        };
        /**
         * Application Certificates
         * @description Schema for a collection of Application Certificates. `count` is the number of items on
         *     this page, `totalCount` the number matching the filter. Tolerant: extra properties allowed.
         */
        ApplicationCertificates: {
            items: components["schemas"]["ApplicationCertificate"][];
            count: number;
            totalCount: number;
            perPage: number;
            page: number;
            filter?: string;
            filterField?: string;
            sortField: string;
            /** @enum {string} */
            sortDirection: "asc" | "desc" | "ASC" | "DESC" | "";
            applicationId: components["schemas"]["ObjectId"];
        };
        /**
         * Advanced application certificate query
         * @description The newest losant-rest's `advancedApplicationCertQuery` (draft-07, translated): every field
         *     takes a value or an object of operators, and `$and`/`$or`/`$nor` take up to 100 nested
         *     queries. Closed at the top level [standin choice: the vendor's schema leaves it open].
         *     Semantics: the list operation's description.
         */
        AdvancedApplicationCertQuery: {
            $and?: components["schemas"]["AdvancedApplicationCertQueries"];
            $or?: components["schemas"]["AdvancedApplicationCertQueries"];
            $nor?: components["schemas"]["AdvancedApplicationCertQueries"];
            id?: components["schemas"]["QueryIdCondition"];
            name?: components["schemas"]["QueryCondition"];
            creationDate?: components["schemas"]["QueryCondition"];
            lastUpdated?: components["schemas"]["QueryCondition"];
            status?: components["schemas"]["QueryCondition"];
            filterType?: components["schemas"]["QueryCondition"];
            pubTopics?: components["schemas"]["QueryCondition"];
            subTopics?: components["schemas"]["QueryCondition"];
            addressFilterType?: components["schemas"]["QueryCondition"];
            addresses?: components["schemas"]["QueryCondition"];
            deviceId?: components["schemas"]["QueryIdCondition"];
            serialNumber?: components["schemas"]["QueryCondition"];
            fingerprint?: components["schemas"]["QueryCondition"];
            commonName?: components["schemas"]["QueryCondition"];
            issuerName?: components["schemas"]["QueryCondition"];
            issuerSerialNumber?: components["schemas"]["QueryCondition"];
            notValidBefore?: components["schemas"]["QueryCondition"];
            notValidAfter?: components["schemas"]["QueryCondition"];
        };
        /** Nested application certificate queries */
        AdvancedApplicationCertQueries: components["schemas"]["AdvancedApplicationCertQuery"][];
        /** Query value */
        QueryValue: string | number | boolean | null;
        /** Query values */
        QueryValues: (string | number | boolean)[];
        /** Query text operand */
        QueryText: string;
        /**
         * Query condition
         * @description A value (short for `$eq`) or an object of operators, all of which must hold.
         */
        QueryCondition: components["schemas"]["QueryValue"] | {
            $eq?: components["schemas"]["QueryValue"];
            $ne?: components["schemas"]["QueryValue"];
            $gt?: components["schemas"]["QueryValue"];
            $lt?: components["schemas"]["QueryValue"];
            $gte?: components["schemas"]["QueryValue"];
            $lte?: components["schemas"]["QueryValue"];
            $startsWith?: components["schemas"]["QueryText"];
            $endsWith?: components["schemas"]["QueryText"];
            $contains?: components["schemas"]["QueryText"];
            $ci?: boolean;
            $in?: components["schemas"]["QueryValues"];
            $nin?: components["schemas"]["QueryValues"];
        };
        /** Query id value */
        QueryIdValue: components["schemas"]["ObjectId"] | null;
        /** Query ids */
        QueryIds: components["schemas"]["ObjectId"][];
        /**
         * Query id condition
         * @description An id or null (short for `$eq`), or an object of exactly one comparison or list operator.
         */
        QueryIdCondition: components["schemas"]["QueryIdValue"] | {
            $eq?: components["schemas"]["QueryIdValue"];
            $ne?: components["schemas"]["QueryIdValue"];
            $gt?: components["schemas"]["QueryIdValue"];
            $lt?: components["schemas"]["QueryIdValue"];
            $gte?: components["schemas"]["QueryIdValue"];
            $lte?: components["schemas"]["QueryIdValue"];
            $in?: components["schemas"]["QueryIds"];
            $nin?: components["schemas"]["QueryIds"];
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
    listApplicationCertificates: {
        parameters: {
            query?: {
                /**
                 * @description Field to sort the results by (`name` since the newest client).
                 * @example status
                 */
                sortField?: "name" | "certificateInfo.commonName" | "status" | "id" | "creationDate" | "lastUpdated";
                /**
                 * @description Direction to sort the results by. The docs list `asc`, `desc`; standin also accepts
                 *     `ASC`, `DESC` and `""` (the list response's own enum), echoes the value as sent, and sorts
                 *     `""` ascending.
                 * @example asc
                 */
                sortDirection?: "asc" | "desc" | "ASC" | "DESC" | "";
                /**
                 * @description Which page of results to return, 0-based: decimal digits (up to 15). The client sends it as
                 *     a string; the response echoes it as an integer.
                 * @example 0
                 */
                page?: string;
                /**
                 * @description How many items to return per page: decimal digits for 1–1000 (leading zeros allowed).
                 *     Maximum 1000 is a [standin choice] (undocumented).
                 * @example 10
                 */
                perPage?: string;
                /**
                 * @description Field to filter the results by (`name` since the newest client). Blank or not provided means no filtering.
                 * @example status
                 */
                filterField?: "name" | "certificateInfo.commonName" | "status" | "";
                /**
                 * @description Filter to apply against the filtered field. Supports globbing (`*` matches any run of
                 *     characters). Blank or not provided means no filtering. At most 1024 characters, the
                 *     longest value a certificate's names hold [standin choice].
                 * @example the*status
                 */
                filter?: string;
                /**
                 * @description Application certificate filter JSON object which overrides the filterField and filter
                 *     parameters (newest client; it sends `JSON.stringify` of the object). The text must be a
                 *     JSON AdvancedApplicationCertQuery of at most 4096 characters [standin choice: percent-encoded,
                 *     that still fits the 16 KiB node:http allows a request line and headers]. Blank means no
                 *     query [standin choice].
                 * @example {"$or":[{"name":{"$startsWith":"edge-","$ci":true}},{"status":"inactive"}]}
                 */
                query?: string;
                /**
                 * @description Return resource actions in response. losant-rest always sends `false`; the mock ignores it.
                 * @example false
                 */
                _actions?: boolean;
                /**
                 * @description Return resource links in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _links?: boolean;
                /**
                 * @description Return embedded resources in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _embedded?: boolean;
            };
            header?: {
                /**
                 * @description Domain scope of request (rarely needed). Accepted and ignored by the mock.
                 * @example example.com
                 */
                losantdomain?: string;
                /**
                 * @description API version range the client accepts; losant-rest 2.8.1 sends `^1.20.1`. Accepted and ignored by the mock.
                 * @example ^1.20.1
                 */
                "Accept-Version"?: string;
            };
            path: {
                /**
                 * @description ID associated with the application
                 * @example 575ec8687ae143cd83dc4a97
                 */
                applicationId: components["schemas"]["ObjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Collection of application certificates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "575ec76c7ae143cd83dc4a96",
                     *           "applicationCertificateId": "575ec76c7ae143cd83dc4a96",
                     *           "applicationId": "575ec8687ae143cd83dc4a97",
                     *           "creationDate": "2016-06-13T04:00:00.000Z",
                     *           "lastUpdated": "2016-06-13T04:00:00.000Z",
                     *           "name": "myDomain.com",
                     *           "status": "active",
                     *           "description": "An example certificate description",
                     *           "certificateInfo": {
                     *             "serialNumber": "ad:0e:ff:63:27:83:e5:3e:6b:a9:fb:57:0d:37:fc:e9",
                     *             "fingerprint": "54:B6:BB:86:4A:AC:C9:F9:86:0E:36:73:10:21:23:35:2C:BC:B0:E0",
                     *             "commonName": "myDomain.com",
                     *             "issuerName": "Network Solutions OV Server CA 2",
                     *             "notValidBefore": "2019-04-10T00:00:00.000Z",
                     *             "notValidAfter": "2020-04-10T00:00:00.000Z"
                     *           },
                     *           "filterType": "all",
                     *           "pubTopics": [],
                     *           "subTopics": []
                     *         }
                     *       ],
                     *       "count": 1,
                     *       "totalCount": 5,
                     *       "perPage": 1,
                     *       "page": 0,
                     *       "sortField": "certificateInfo.commonName",
                     *       "sortDirection": "asc",
                     *       "applicationId": "575ec8687ae143cd83dc4a97"
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationCertificates"];
                };
            };
            /**
             * @description Error if malformed request: `applicationId` not a 24-hex ObjectId (example), a query
             *     parameter outside its schema (sortField, sortDirection, page, perPage, filterField,
             *     filter, query, _actions, _links, _embedded), or a `query` that is not a JSON
             *     AdvancedApplicationCertQuery within standin's bounds.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Validation",
                     *       "message": "path parameter 'applicationId' must match pattern \"^[A-Fa-f0-9]{24}$\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description [standin choice, unverified] Missing `Authorization` header, a scheme other than
             *     `Bearer`, or an unknown token. Losant documents 401 only on `/auth/*`; losant-cli
             *     confirms the message.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Unauthorized",
                     *       "message": "Invalid access token"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description [standin choice, unverified] The token holds none of the accepted scopes. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Forbidden",
                     *       "message": "Access token does not have any of the scopes required for this action"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error if application was not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "NotFound",
                     *       "message": "Application was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApplicationCertificate: {
        parameters: {
            query?: {
                /**
                 * @description Return resource actions in response. losant-rest always sends `false`; the mock ignores it.
                 * @example false
                 */
                _actions?: boolean;
                /**
                 * @description Return resource links in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _links?: boolean;
                /**
                 * @description Return embedded resources in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _embedded?: boolean;
            };
            header?: {
                /**
                 * @description Domain scope of request (rarely needed). Accepted and ignored by the mock.
                 * @example example.com
                 */
                losantdomain?: string;
                /**
                 * @description API version range the client accepts; losant-rest 2.8.1 sends `^1.20.1`. Accepted and ignored by the mock.
                 * @example ^1.20.1
                 */
                "Accept-Version"?: string;
            };
            path: {
                /**
                 * @description ID associated with the application
                 * @example 575ec8687ae143cd83dc4a97
                 */
                applicationId: components["schemas"]["ObjectId"];
            };
            cookie?: never;
        };
        /** @description Application certificate information */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "An example new certificate description",
                 *       "certificate": "-----BEGIN CERTIFICATE-----\nMIIBhjCCAS2gAwIBAgIUfisyQ/l3rvjvezezj6/WSeQ9/6cwCgYIKoZIzj0EAwIw\nGTEXMBUGA1UEAwwOZXhhbXBsZS1kZXZpY2UwHhcNMjYxMTI0MDExMDMwWhcNMzYx\nMTIxMDExMDMwWjAZMRcwFQYDVQQDDA5leGFtcGxlLWRldmljZTBZMBMGByqGSM49\nAgEGCCqGSM49AwEHA0IABPzzh038CYJs9rH5n0qj6znjO3s7nil06yMJzRr8Nta1\nmgIEP8+1f8ijCfwGHbZ0Y8hzt+QSPKkoLcjqk8p9FJSjUzBRMB0GA1UdDgQWBBRB\nQ/+JIiVyT4VoBNHkiWBaKDCnkzAfBgNVHSMEGDAWgBRBQ/+JIiVyT4VoBNHkiWBa\nKDCnkzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCICNFFK8Ph3FL\nA4VfARKQshjQxzCG1ngIFEW/NBPuddfdAiAUDZXPMqnarTNsl68zbQoqOgTXy8Q7\nwGomQFjwhUeNhA==\n-----END CERTIFICATE-----\n",
                 *       "filterType": "all",
                 *       "pubTopics": [],
                 *       "subTopics": []
                 *     }
                 */
                "application/json": components["schemas"]["ApplicationCertificatePost"];
            };
        };
        responses: {
            /** @description Successfully created application certificate */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5cd02a50df66feb0994c7196",
                     *       "applicationCertificateId": "5cd02a50df66feb0994c7196",
                     *       "applicationId": "575ec8687ae143cd83dc4a97",
                     *       "creationDate": "2026-11-24T01:15:00.000Z",
                     *       "lastUpdated": "2026-11-24T01:15:00.000Z",
                     *       "name": "example-device",
                     *       "status": "active",
                     *       "description": "An example new certificate description",
                     *       "certificateInfo": {
                     *         "serialNumber": "7e:2b:32:43:f9:77:ae:f8:ef:7b:37:b3:8f:af:d6:49:e4:3d:ff:a7",
                     *         "fingerprint": "AE:25:BC:A5:B1:2A:CA:FC:54:C9:D9:BB:99:E9:8F:AE:5E:99:B0:04",
                     *         "commonName": "example-device",
                     *         "issuerName": "example-device",
                     *         "notValidBefore": "2026-11-24T01:10:30.000Z",
                     *         "notValidAfter": "2036-11-21T01:10:30.000Z"
                     *       },
                     *       "filterType": "all",
                     *       "pubTopics": [],
                     *       "subTopics": [],
                     *       "certificate": "-----BEGIN CERTIFICATE-----\nMIIBhjCCAS2gAwIBAgIUfisyQ/l3rvjvezezj6/WSeQ9/6cwCgYIKoZIzj0EAwIw\nGTEXMBUGA1UEAwwOZXhhbXBsZS1kZXZpY2UwHhcNMjYxMTI0MDExMDMwWhcNMzYx\nMTIxMDExMDMwWjAZMRcwFQYDVQQDDA5leGFtcGxlLWRldmljZTBZMBMGByqGSM49\nAgEGCCqGSM49AwEHA0IABPzzh038CYJs9rH5n0qj6znjO3s7nil06yMJzRr8Nta1\nmgIEP8+1f8ijCfwGHbZ0Y8hzt+QSPKkoLcjqk8p9FJSjUzBRMB0GA1UdDgQWBBRB\nQ/+JIiVyT4VoBNHkiWBaKDCnkzAfBgNVHSMEGDAWgBRBQ/+JIiVyT4VoBNHkiWBa\nKDCnkzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCICNFFK8Ph3FL\nA4VfARKQshjQxzCG1ngIFEW/NBPuddfdAiAUDZXPMqnarTNsl68zbQoqOgTXy8Q7\nwGomQFjwhUeNhA==\n-----END CERTIFICATE-----\n"
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationCertificate"];
                };
            };
            /**
             * @description Error if malformed request: a `certificate` that does not parse as a PEM X.509
             *     certificate (example); `certificate` missing or outside 50–32767 characters; an
             *     unknown body property; a wrong type or enum value; malformed JSON; `applicationId` not
             *     a 24-hex ObjectId; a non-boolean `_actions`/`_links`/`_embedded`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Validation",
                     *       "message": "certificate is not a valid PEM encoded X.509 certificate"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description [standin choice, unverified] Missing `Authorization` header, a scheme other than
             *     `Bearer`, or an unknown token. Losant documents 401 only on `/auth/*`; losant-cli
             *     confirms the message.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Unauthorized",
                     *       "message": "Invalid access token"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description [standin choice, unverified] The token holds none of the accepted scopes (e.g. a read-only token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Forbidden",
                     *       "message": "Access token does not have any of the scopes required for this action"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error if application was not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "NotFound",
                     *       "message": "Application was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApplicationCertificate: {
        parameters: {
            query?: {
                /**
                 * @description Return resource actions in response. losant-rest always sends `false`; the mock ignores it.
                 * @example false
                 */
                _actions?: boolean;
                /**
                 * @description Return resource links in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _links?: boolean;
                /**
                 * @description Return embedded resources in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _embedded?: boolean;
            };
            header?: {
                /**
                 * @description Domain scope of request (rarely needed). Accepted and ignored by the mock.
                 * @example example.com
                 */
                losantdomain?: string;
                /**
                 * @description API version range the client accepts; losant-rest 2.8.1 sends `^1.20.1`. Accepted and ignored by the mock.
                 * @example ^1.20.1
                 */
                "Accept-Version"?: string;
            };
            path: {
                /**
                 * @description ID associated with the application
                 * @example 575ec8687ae143cd83dc4a97
                 */
                applicationId: components["schemas"]["ObjectId"];
                /**
                 * @description ID associated with the application certificate
                 * @example 575ec76c7ae143cd83dc4a96
                 */
                applicationCertificateId: components["schemas"]["ObjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Application certificate information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "575ec76c7ae143cd83dc4a96",
                     *       "applicationCertificateId": "575ec76c7ae143cd83dc4a96",
                     *       "applicationId": "575ec8687ae143cd83dc4a97",
                     *       "creationDate": "2016-06-13T04:00:00.000Z",
                     *       "lastUpdated": "2016-06-13T04:00:00.000Z",
                     *       "name": "myDomain.com",
                     *       "status": "active",
                     *       "description": "An example certificate description",
                     *       "certificateInfo": {
                     *         "serialNumber": "ad:0e:ff:63:27:83:e5:3e:6b:a9:fb:57:0d:37:fc:e9",
                     *         "fingerprint": "54:B6:BB:86:4A:AC:C9:F9:86:0E:36:73:10:21:23:35:2C:BC:B0:E0",
                     *         "commonName": "myDomain.com",
                     *         "issuerName": "Network Solutions OV Server CA 2",
                     *         "notValidBefore": "2019-04-10T00:00:00.000Z",
                     *         "notValidAfter": "2020-04-10T00:00:00.000Z"
                     *       },
                     *       "filterType": "all",
                     *       "pubTopics": [],
                     *       "subTopics": []
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationCertificate"];
                };
            };
            /**
             * @description Error if malformed request: `applicationCertificateId` (example) or `applicationId`
             *     not a 24-hex ObjectId; a non-boolean `_actions`/`_links`/`_embedded`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Validation",
                     *       "message": "path parameter 'applicationCertificateId' must match pattern \"^[A-Fa-f0-9]{24}$\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description [standin choice, unverified] Missing `Authorization` header, a scheme other than
             *     `Bearer`, or an unknown token. Losant documents 401 only on `/auth/*`; losant-cli
             *     confirms the message.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Unauthorized",
                     *       "message": "Invalid access token"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description [standin choice, unverified] The token holds none of the accepted scopes. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Forbidden",
                     *       "message": "Access token does not have any of the scopes required for this action"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Error if application certificate was not found (example): unknown, deleted, or
             *     belonging to another application. An unknown application gives
             *     `{"type":"NotFound","message":"Application was not found"}`.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "NotFound",
                     *       "message": "Application Certificate was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApplicationCertificate: {
        parameters: {
            query?: {
                /**
                 * @description Return resource actions in response. losant-rest always sends `false`; the mock ignores it.
                 * @example false
                 */
                _actions?: boolean;
                /**
                 * @description Return resource links in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _links?: boolean;
                /**
                 * @description Return embedded resources in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _embedded?: boolean;
            };
            header?: {
                /**
                 * @description Domain scope of request (rarely needed). Accepted and ignored by the mock.
                 * @example example.com
                 */
                losantdomain?: string;
                /**
                 * @description API version range the client accepts; losant-rest 2.8.1 sends `^1.20.1`. Accepted and ignored by the mock.
                 * @example ^1.20.1
                 */
                "Accept-Version"?: string;
            };
            path: {
                /**
                 * @description ID associated with the application
                 * @example 575ec8687ae143cd83dc4a97
                 */
                applicationId: components["schemas"]["ObjectId"];
                /**
                 * @description ID associated with the application certificate
                 * @example 575ec76c7ae143cd83dc4a96
                 */
                applicationCertificateId: components["schemas"]["ObjectId"];
            };
            cookie?: never;
        };
        /** @description losant-rest sends `{}` with `Content-Type application/json`; the body is ignored. */
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": Record<string, unknown>;
            };
        };
        responses: {
            /** @description If application certificate was successfully deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Success"];
                };
            };
            /**
             * @description Error if malformed request: `applicationCertificateId` (example) or `applicationId`
             *     not a 24-hex ObjectId; a non-boolean `_actions`/`_links`/`_embedded`; a body that is
             *     not a JSON object.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Validation",
                     *       "message": "path parameter 'applicationCertificateId' must match pattern \"^[A-Fa-f0-9]{24}$\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description [standin choice, unverified] Missing `Authorization` header, a scheme other than
             *     `Bearer`, or an unknown token. Losant documents 401 only on `/auth/*`; losant-cli
             *     confirms the message.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Unauthorized",
                     *       "message": "Invalid access token"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description [standin choice, unverified] The token holds none of the accepted scopes (e.g. a read-only token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Forbidden",
                     *       "message": "Access token does not have any of the scopes required for this action"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Error if application certificate was not found (example): unknown, already deleted,
             *     or belonging to another application. An unknown application gives
             *     `{"type":"NotFound","message":"Application was not found"}`.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "NotFound",
                     *       "message": "Application Certificate was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApplicationCertificate: {
        parameters: {
            query?: {
                /**
                 * @description Return resource actions in response. losant-rest always sends `false`; the mock ignores it.
                 * @example false
                 */
                _actions?: boolean;
                /**
                 * @description Return resource links in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _links?: boolean;
                /**
                 * @description Return embedded resources in response. losant-rest always sends `true`; the mock ignores it.
                 * @example true
                 */
                _embedded?: boolean;
            };
            header?: {
                /**
                 * @description Domain scope of request (rarely needed). Accepted and ignored by the mock.
                 * @example example.com
                 */
                losantdomain?: string;
                /**
                 * @description API version range the client accepts; losant-rest 2.8.1 sends `^1.20.1`. Accepted and ignored by the mock.
                 * @example ^1.20.1
                 */
                "Accept-Version"?: string;
            };
            path: {
                /**
                 * @description ID associated with the application
                 * @example 575ec8687ae143cd83dc4a97
                 */
                applicationId: components["schemas"]["ObjectId"];
                /**
                 * @description ID associated with the application certificate
                 * @example 575ec76c7ae143cd83dc4a96
                 */
                applicationCertificateId: components["schemas"]["ObjectId"];
            };
            cookie?: never;
        };
        /** @description Object containing new properties of the application certificate */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "active",
                 *       "description": "An example updated certificate description"
                 *     }
                 */
                "application/json": components["schemas"]["ApplicationCertificatePatch"];
            };
        };
        responses: {
            /** @description Updated application certificate information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "575ec76c7ae143cd83dc4a96",
                     *       "applicationCertificateId": "575ec76c7ae143cd83dc4a96",
                     *       "applicationId": "575ec8687ae143cd83dc4a97",
                     *       "creationDate": "2016-06-13T04:00:00.000Z",
                     *       "lastUpdated": "2016-06-14T04:00:00.000Z",
                     *       "name": "myDomain.com",
                     *       "status": "active",
                     *       "description": "An example updated certificate description",
                     *       "certificateInfo": {
                     *         "serialNumber": "ad:0e:ff:63:27:83:e5:3e:6b:a9:fb:57:0d:37:fc:e9",
                     *         "fingerprint": "54:B6:BB:86:4A:AC:C9:F9:86:0E:36:73:10:21:23:35:2C:BC:B0:E0",
                     *         "commonName": "myDomain.com",
                     *         "issuerName": "Network Solutions OV Server CA 2",
                     *         "notValidBefore": "2019-04-10T00:00:00.000Z",
                     *         "notValidAfter": "2020-04-10T00:00:00.000Z"
                     *       },
                     *       "filterType": "all",
                     *       "pubTopics": [],
                     *       "subTopics": []
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationCertificate"];
                };
            };
            /**
             * @description Error if malformed request: a property the patch schema does not allow (example); a
             *     wrong type, enum value or length; a `certificate` that does not parse; malformed JSON;
             *     `applicationId`/`applicationCertificateId` not a 24-hex ObjectId; a non-boolean
             *     `_actions`/`_links`/`_embedded`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Validation",
                     *       "message": "body field 'deviceIds' is not allowed"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description [standin choice, unverified] Missing `Authorization` header, a scheme other than
             *     `Bearer`, or an unknown token. Losant documents 401 only on `/auth/*`; losant-cli
             *     confirms the message.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Unauthorized",
                     *       "message": "Invalid access token"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description [standin choice, unverified] The token holds none of the accepted scopes (e.g. a read-only token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "Forbidden",
                     *       "message": "Access token does not have any of the scopes required for this action"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Error if application certificate was not found (example): unknown, deleted, or
             *     belonging to another application. An unknown application gives
             *     `{"type":"NotFound","message":"Application was not found"}`.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "NotFound",
                     *       "message": "Application Certificate was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
