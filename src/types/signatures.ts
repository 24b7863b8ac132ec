// Generated from specs/signatures.yaml by scripts/genTypes.js (openapi-typescript). Do not edit: change the spec and run `npm run gen:types`.
export interface paths {
    "/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the current version of a signature
         * @description Returns the current (latest) version of the signature for (`document`, `thread`), from the query
         *     string or a body (see the API description for how both are read, trimmed and cast).
         *
         *     Rules the mock enforces:
         *     - Both `document` and `thread` missing, blank or PHP-falsy (`"0"`, `0`, `false`) → 400
         *       `"Thread" and "document" parameters must be set` (the vendor's message; its check is
         *       `!thread && !document`).
         *     - Only one of them given → the real service looks up (document, NULL) and finds nothing; the mock
         *       does the same → 404 "Signature was not found".
         *     - The pair is looked up by the `(string)` cast of each value, after trimming: `document=%20doc_12%20`
         *       finds `doc_12`, a JSON `12` finds "12".
         *     - No signature for the pair (never saved, or deleted) → 404 "Signature was not found".
         *     - Otherwise 200 with `content.signature`, the CMS under both `cms` and `signature`.
         *
         *     Seed data [standin choice]: every namespace starts with `doc_12` / `ticket_42` (id 1, version 3,
         *     exactly the example below, with versions 1 and 2 in its chain) and `doc_12` / `ticket_43` (id 2),
         *     from `fixtures/signatures/signatures.json`, plus six signatures generated from the configured
         *     seed (`--seed`), so two starts hold the same data.
         */
        get: operations["getSignature"];
        put?: never;
        /**
         * Save a signature (create version 1 or add a new version)
         * @description Saves a CMS (or XML) signature for (`document`, `thread`). Parameters come from the body (as the
         *     vendor's test sends them, any Content-Type) or the query string; see the API description for how
         *     they are read, trimmed and cast.
         *
         *     Rules the mock enforces, in this order:
         *     - `document`, `thread`, `cms` are required: their `(string)` cast, after trimming, must not be
         *       empty nor "0" (missing, `""`, `"   "`, `false`, `0`) → 400 `"<name>" parameter must be set`,
         *       checked in that order, e.g. `"document" parameter must be set`; nothing is stored. A number is
         *       stored as its string (`"document": 12` is the document "12").
         *     - The first POST for a (`document`, `thread`) pair creates the signature at `version` 1; any
         *       `version` sent is ignored.
         *     - Every later POST for the pair must send `version` whose `(int)` cast equals the stored version
         *       (`3`, `"3"`, `"3.0"` and `3.0` all count as 3): missing or cast to 0 (`"abc"`) → 400
         *       "Version must be set"; different → 400 "Version provided is not equal to actual signature version".
         *       The check and the write are atomic: of many simultaneous POSTs with the same version, exactly
         *       one succeeds.
         *     - On success the mock stores the new `cms`, `version_comment`, `version_created_by` and `tags`:
         *       the comment and author as their `(string)` cast (`5` is "5", `false` is ""; missing or blank
         *       → null); tags replaced, not merged: each entry of a JSON list or object as its `(string)` cast,
         *       no tags when `tags` is missing, blank or not an array (the vendor's `foreach` over a non-array
         *       only warns), a tag sent twice stored once [standin choice], a null or blank entry → 400
         *       `"tags" parameter is invalid: tags.<i> must be a non-empty string` [standin choice: the
         *       vendor's NOT NULL tag column fails with a 500]. It sets `version_created_at` and `updated_at`
         *       to the server time and increments `version` by one. `id`, `document`, `thread` and
         *       `created_at` never change. Each version is kept in the chain (history; no vendor route exposes
         *       it, DELETE removes it; the mock shows it under `chain` in `GET /__admin/state/signatures`).
         *       Times come from the server clock (`--now`, `/__admin/clock`), in UTC.
         *     - Success → 201 with the saved signature in `content.signature`, the CMS under both `cms` and
         *       `signature`.
         *     - In the query string `tags=a&tags=b` and `tags[]=a&tags[]=b` are both the list [a, b]
         *       [standin choice: OpenAPI's form style; PHP reads a plain `tags=a` as a string, so no tags].
         */
        post: operations["saveSignature"];
        /**
         * Delete a signature and its chain
         * @description Deletes the signature for (`document`, `thread`) together with its whole chain (every stored
         *     version). A later GET for the pair is 404, and a later POST creates a fresh version 1.
         *
         *     Rules the mock enforces (the lookup of GET /signature: trimmed, `(string)`-cast values):
         *     - Both `document` and `thread` missing, blank or PHP-falsy → 400
         *       `"Thread" and "document" parameters must be set`.
         *     - Only one of them given, or no signature for the pair → 404 "Signature was not found".
         *     - Otherwise 200 `{"status": true}`.
         */
        delete: operations["deleteSignature"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List signatures
         * @description Lists signatures (their current versions), newest first (by `created_at` descending, at the
         *     one-second resolution it is rendered with; ties by `id` descending [standin choice]; a new version
         *     does not move a signature, since `created_at` never changes). All parameters are optional, from
         *     the query string or a body (a body field wins over the same query parameter; see the API
         *     description for how they are read, trimmed and cast).
         *
         *     Rules the mock enforces:
         *     - `document`: only signatures of that document (its `(string)` cast, trimmed).
         *     - `chain`: treated as the thread filter (only signatures whose `thread` equals it; `thread` itself is
         *       not a filter of this route, as on the real service). `stage` is
         *       accepted and ignored. (Both are Feb-2021 columns; the May-2021 code would probably fail with a
         *       500 on them.)
         *     - `tags`: signatures having ANY of the given tags, each listed once (`tags=a&tags=b` or the PHP form
         *       `tags[]=a&tags[]=b` in the query; a list, an object's values or a single value in the body).
         *       Entries compare as their `(string)` cast; a null or blank entry matches nothing (SQL `IN (NULL)`),
         *       so a `tags` made only of those lists nothing.
         *     - Filters combine with AND; a PHP-falsy value (`document=`, `"   "`, `"0"`, `0`; for `tags` also
         *       `[]`) is no filter.
         *     - `offset` / `limit` page the result after the `(int)` cast (`limit=abc` is 0). 0 or a negative
         *       value means no offset / no limit: the controller skips 0, and Propel writes `LIMIT` only for a
         *       limit >= 0 (its "none" is -1) and `OFFSET` only for an offset > 0.
         *     - `count` truthy adds `content.nb_results`: the number of matching signatures before paging.
         *       Truthiness follows the vendor's PHP `(bool)` cast after trimming: `false`, `0`, `"0"`, `""`,
         *       blank and absent are falsy; `true`, non-zero numbers and any other string are truthy (so
         *       `count=false` in a query string is truthy on the real service, and on the mock).
         *     - Items have the same shape as `/signature`'s `content.signature` (CMS under both `cms` and `signature`).
         *     - Always 200 with `content.signatures` (possibly empty); 400 only for an array where a string
         *       belongs [standin choice] (see the API description).
         */
        get: operations["listSignatures"];
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
        /**
         * @description Server time formatted `Y-m-d H:i:s` (`YYYY-MM-DD HH:mm:ss`), no time zone.
         * @example 2021-02-18 15:00:00
         */
        Timestamp: string;
        /** @description A PHP `(bool)` flag (see the operation description): any JSON value; in the query string any text. */
        Truthy: unknown;
        /**
         * @description An integer, or any text read with PHP's `(int)`: its leading number after whitespace (`3.9` and
         *     `3abc` are 3, `1e3` is 1000, `abc` and `0x1A` are 0).
         */
        PhpInt: number | string;
        /**
         * @description A string, or a number or boolean read with PHP's `(string)` (`12` is "12", `1.5` is "1.5",
         *     `true` is "1", `false` is ""). Trimmed; blank is missing. An array or object is refused
         *     [standin choice].
         */
        PhpText: string | number | boolean | null;
        /**
         * @description Any JSON value, read with PHP's `(int)`: numbers truncated, strings by their leading number,
         *     `true` 1, `false` and null 0, an array or object 1 (0 when empty).
         */
        PhpIntValue: unknown;
        /**
         * @description Identifies a signature. Both fields are required by the handler (body or query). Any other body
         *     (another JSON value, malformed JSON, no JSON at all) counts as no body parameters.
         */
        SignatureKey: {
            document?: components["schemas"]["PhpText"];
            thread?: components["schemas"]["PhpText"];
        };
        /**
         * @description Body of POST /signature. `document`, `thread`, `cms` are required (body or query) and `version` once
         *     the pair exists; the handler enforces this and answers with the vendor's messages. Any other body
         *     counts as no body parameters.
         */
        SaveSignatureRequest: {
            document?: components["schemas"]["PhpText"];
            thread?: components["schemas"]["PhpText"];
            version?: components["schemas"]["PhpIntValue"];
            cms?: components["schemas"]["PhpText"];
            version_created_by?: components["schemas"]["PhpText"];
            version_comment?: components["schemas"]["PhpText"];
            /**
             * @description Tags, replacing the stored ones: the entries of a list (or the values of an object), each a
             *     string, number or boolean. Any other value saves no tags.
             */
            tags?: unknown;
        };
        /** @description Body form of the GET /signatures filters (all optional). Any other body counts as none. */
        ListSignaturesRequest: {
            document?: components["schemas"]["PhpText"];
            chain?: components["schemas"]["PhpText"];
            /** @description Accepted and ignored, whatever its value. */
            stage?: unknown;
            /**
             * @description Any of these tags: the entries of a list (or the values of an object), or a single string,
             *     number or boolean. A null entry matches nothing.
             */
            tags?: unknown;
            limit?: components["schemas"]["PhpIntValue"];
            offset?: components["schemas"]["PhpIntValue"];
            count?: components["schemas"]["Truthy"];
        };
        /**
         * @description One signature (its current version). The real service sends the CMS as `cms`, the docs call it
         *     `signature`; the mock sends both with the same value, and at least one is required.
         */
        Signature: {
            id: number;
            version: number;
            document: string;
            thread: string;
            /** @description CMS (base64) or XML of the signed data, as the real service names it. */
            cms?: string;
            /** @description The same CMS, as the docs name it. */
            signature?: string;
            version_created_by?: string | null;
            version_created_at?: components["schemas"]["Timestamp"] | null;
            version_comment?: string | null;
            tags: string[];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        } | {
            cms: string;
        } | {
            signature: string;
        };
        SignatureEnvelope: {
            /** @constant */
            status: true;
            message?: string | null;
            content: {
                signature: components["schemas"]["Signature"];
            };
        };
        SignatureListEnvelope: {
            /** @constant */
            status: true;
            message?: string | null;
            content: {
                signatures: components["schemas"]["Signature"][];
                /** @description Total matches before paging; present only when `count` is truthy. */
                nb_results?: number;
            };
        };
        StatusEnvelope: {
            /** @constant */
            status: true;
            message?: string | null;
            content?: Record<string, unknown>;
        };
        /** @description The ncanode error envelope, returned with every 4xx and 5xx status. */
        Error: {
            /** @constant */
            status: false;
            message: string;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description Language of the messages on the real service (`ru` default, `en`, `kz`). The mock answers in
         *     English whatever the value.
         * @example en
         */
        ApiLocale: string;
        /**
         * @description Your document code. Required for GET/POST/DELETE /signature (here or in the body).
         * @example doc_12
         */
        Document: string;
        /**
         * @description Additional key, when the same document is signed in different stories. Required for
         *     GET/POST/DELETE /signature (here or in the body).
         * @example ticket_42
         */
        Thread: string;
        /**
         * @description The current version of the signature being re-signed, read with PHP's `(int)` (`2`, `2.0`, `2abc`
         *     are 2). Ignored on the first save of a pair, required on every later save.
         * @example 2
         */
        Version: components["schemas"]["PhpInt"];
        /**
         * @description Tags (repeat the parameter for several values).
         * @example [
         *       "customer_1",
         *       "process_1"
         *     ]
         */
        Tags: string[];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSignature: {
        parameters: {
            query?: {
                /**
                 * @description Your document code. Required for GET/POST/DELETE /signature (here or in the body).
                 * @example doc_12
                 */
                document?: components["parameters"]["Document"];
                /**
                 * @description Additional key, when the same document is signed in different stories. Required for
                 *     GET/POST/DELETE /signature (here or in the body).
                 * @example ticket_42
                 */
                thread?: components["parameters"]["Thread"];
            };
            header?: {
                /**
                 * @description Language of the messages on the real service (`ru` default, `en`, `kz`). The mock answers in
                 *     English whatever the value.
                 * @example en
                 */
                "api-locale"?: components["parameters"]["ApiLocale"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The same parameters as a body (optional), read as JSON whatever its Content-Type. */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "document": "doc_12",
                 *       "thread": "ticket_42"
                 *     }
                 */
                "application/json": components["schemas"]["SignatureKey"];
                /** @example {"document":"doc_12","thread":"ticket_42"} */
                "text/plain": string;
                "*/*": unknown;
            };
        };
        responses: {
            /** @description The current version of the signature. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": true,
                     *       "content": {
                     *         "signature": {
                     *           "id": 1,
                     *           "version": 3,
                     *           "document": "doc_12",
                     *           "thread": "ticket_42",
                     *           "cms": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *           "signature": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *           "version_created_by": "some_user",
                     *           "version_created_at": "2021-02-19 15:00:00",
                     *           "version_comment": "some comment",
                     *           "tags": [
                     *             "customer_1",
                     *             "process_1"
                     *           ],
                     *           "created_at": "2021-02-18 15:00:00",
                     *           "updated_at": "2021-02-19 15:00:00"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SignatureEnvelope"];
                };
            };
            /**
             * @description Both `document` and `thread` are missing or blank (example), or one of them is an array
             *     [standin choice] (`"document" parameter is invalid: must be string`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": false,
                     *       "message": "\"Thread\" and \"document\" parameters must be set"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No signature exists for (`document`, `thread`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": false,
                     *       "message": "Signature was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    saveSignature: {
        parameters: {
            query?: {
                /**
                 * @description Your document code. Required for GET/POST/DELETE /signature (here or in the body).
                 * @example doc_12
                 */
                document?: components["parameters"]["Document"];
                /**
                 * @description Additional key, when the same document is signed in different stories. Required for
                 *     GET/POST/DELETE /signature (here or in the body).
                 * @example ticket_42
                 */
                thread?: components["parameters"]["Thread"];
                /**
                 * @description The current version of the signature being re-signed, read with PHP's `(int)` (`2`, `2.0`, `2abc`
                 *     are 2). Ignored on the first save of a pair, required on every later save.
                 * @example 2
                 */
                version?: components["parameters"]["Version"];
                /**
                 * @description CMS (base64) or XML of the signed data. Required (here or in the body).
                 * @example MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==
                 */
                cms?: string;
                /**
                 * @description Who created this version (free text).
                 * @example some_user
                 */
                version_created_by?: string;
                /**
                 * @description Comment on this version.
                 * @example some comment
                 */
                version_comment?: string;
                /**
                 * @description Tags (repeat the parameter for several values).
                 * @example [
                 *       "customer_1",
                 *       "process_1"
                 *     ]
                 */
                tags?: components["parameters"]["Tags"];
            };
            header?: {
                /**
                 * @description Language of the messages on the real service (`ru` default, `en`, `kz`). The mock answers in
                 *     English whatever the value.
                 * @example en
                 */
                "api-locale"?: components["parameters"]["ApiLocale"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The parameters as a body (the usual way to call this route), read as JSON whatever its
         *     Content-Type.
         */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "document": "doc_12",
                 *       "thread": "ticket_42",
                 *       "version": 2,
                 *       "cms": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                 *       "version_created_by": "some_user",
                 *       "version_comment": "some comment",
                 *       "tags": [
                 *         "customer_1",
                 *         "process_1"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SaveSignatureRequest"];
                /** @example {"document":"doc_12","thread":"ticket_42","version":"2","cms":"MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==","version_created_by":5} */
                "text/plain": string;
                "*/*": unknown;
            };
        };
        responses: {
            /** @description The signature was saved; `content.signature` is the new current version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": true,
                     *       "content": {
                     *         "signature": {
                     *           "id": 2,
                     *           "version": 1,
                     *           "document": "doc_12",
                     *           "thread": "ticket_42",
                     *           "cms": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *           "signature": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *           "version_created_by": "some_user",
                     *           "version_created_at": "2021-02-18 15:00:00",
                     *           "version_comment": "some comment",
                     *           "tags": [
                     *             "customer_1",
                     *             "process_1"
                     *           ],
                     *           "created_at": "2021-02-18 15:00:00",
                     *           "updated_at": "2021-02-18 15:00:00"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SignatureEnvelope"];
                };
            };
            /**
             * @description A stale `version` (example): "Version provided is not equal to actual signature version".
             *     Other causes: `"document" parameter must be set`, `"thread" parameter must be set`,
             *     `"cms" parameter must be set`, "Version must be set" (the pair exists and no usable version was
             *     sent), or an array where a string belongs, or a null tag [standin choice]
             *     (`"document" parameter is invalid: must be string`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": false,
                     *       "message": "Version provided is not equal to actual signature version"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSignature: {
        parameters: {
            query?: {
                /**
                 * @description Your document code. Required for GET/POST/DELETE /signature (here or in the body).
                 * @example doc_12
                 */
                document?: components["parameters"]["Document"];
                /**
                 * @description Additional key, when the same document is signed in different stories. Required for
                 *     GET/POST/DELETE /signature (here or in the body).
                 * @example ticket_42
                 */
                thread?: components["parameters"]["Thread"];
            };
            header?: {
                /**
                 * @description Language of the messages on the real service (`ru` default, `en`, `kz`). The mock answers in
                 *     English whatever the value.
                 * @example en
                 */
                "api-locale"?: components["parameters"]["ApiLocale"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description The same parameters as a body (the vendor's test sends them this way), read as JSON whatever
         *     its Content-Type.
         */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "document": "doc_12",
                 *       "thread": "ticket_42"
                 *     }
                 */
                "application/json": components["schemas"]["SignatureKey"];
                /** @example {"document":"doc_12","thread":"ticket_42"} */
                "text/plain": string;
                "*/*": unknown;
            };
        };
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": true
                     *     }
                     */
                    "application/json": components["schemas"]["StatusEnvelope"];
                };
            };
            /**
             * @description Both `document` and `thread` are missing or blank (example), or one of them is an array
             *     [standin choice] (`"document" parameter is invalid: must be string`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": false,
                     *       "message": "\"Thread\" and \"document\" parameters must be set"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No signature exists for (`document`, `thread`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": false,
                     *       "message": "Signature was not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSignatures: {
        parameters: {
            query?: {
                /**
                 * @description Your document code. Required for GET/POST/DELETE /signature (here or in the body).
                 * @example doc_12
                 */
                document?: components["parameters"]["Document"];
                /**
                 * @description Thread filter (the Feb-2021 name of `thread`).
                 * @example ticket_42
                 */
                chain?: string;
                /**
                 * @description Accepted and ignored (Feb-2021 column, removed in May 2021).
                 * @example stage_1
                 */
                stage?: string;
                /**
                 * @description Tags (repeat the parameter for several values).
                 * @example [
                 *       "customer_1",
                 *       "process_1"
                 *     ]
                 */
                tags?: components["parameters"]["Tags"];
                /**
                 * @description Maximum number of items, read with PHP's `(int)` (`20abc` is 20, `abc` is 0); 0, a negative
                 *     value or absent means no limit.
                 * @example 20
                 */
                limit?: components["schemas"]["PhpInt"];
                /**
                 * @description Number of items to skip, read with PHP's `(int)`; 0, a negative value or absent means none.
                 * @example 0
                 */
                offset?: components["schemas"]["PhpInt"];
                /**
                 * @description Truthy (PHP `(bool)` cast) adds `content.nb_results`.
                 * @example true
                 */
                count?: components["schemas"]["Truthy"];
            };
            header?: {
                /**
                 * @description Language of the messages on the real service (`ru` default, `en`, `kz`). The mock answers in
                 *     English whatever the value.
                 * @example en
                 */
                "api-locale"?: components["parameters"]["ApiLocale"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The same parameters as a body (optional), read as JSON whatever its Content-Type. */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "document": "doc_12",
                 *       "tags": [
                 *         "customer_1"
                 *       ],
                 *       "limit": 20,
                 *       "offset": 0,
                 *       "count": true
                 *     }
                 */
                "application/json": components["schemas"]["ListSignaturesRequest"];
                /** @example {"document":"doc_12","limit":"20","count":1} */
                "text/plain": string;
                "*/*": unknown;
            };
        };
        responses: {
            /** @description The matching signatures, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": true,
                     *       "content": {
                     *         "signatures": [
                     *           {
                     *             "id": 2,
                     *             "version": 1,
                     *             "document": "doc_12",
                     *             "thread": "ticket_43",
                     *             "cms": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *             "signature": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *             "version_created_by": "some_user",
                     *             "version_created_at": "2021-02-18 16:00:00",
                     *             "version_comment": null,
                     *             "tags": [
                     *               "customer_1",
                     *               "process_1"
                     *             ],
                     *             "created_at": "2021-02-18 16:00:00",
                     *             "updated_at": "2021-02-18 16:00:00"
                     *           },
                     *           {
                     *             "id": 1,
                     *             "version": 3,
                     *             "document": "doc_12",
                     *             "thread": "ticket_42",
                     *             "cms": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *             "signature": "MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==",
                     *             "version_created_by": "some_user",
                     *             "version_created_at": "2021-02-19 15:00:00",
                     *             "version_comment": "some comment",
                     *             "tags": [
                     *               "customer_1",
                     *               "process_1"
                     *             ],
                     *             "created_at": "2021-02-18 15:00:00",
                     *             "updated_at": "2021-02-19 15:00:00"
                     *           }
                     *         ],
                     *         "nb_results": 2
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SignatureListEnvelope"];
                };
            };
            /** @description An array where a string belongs [standin choice], e.g. `document[]=a&document[]=b`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": false,
                     *       "message": "\"document\" parameter is invalid: must be string"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
