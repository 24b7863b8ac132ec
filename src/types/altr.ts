// Generated from specs/altr.yaml by scripts/genTypes.js (openapi-typescript). Do not edit: change the spec and run `npm run gen:types`.
export interface paths {
    "/api/v1/single/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * PutData - write data to the distributed ledger
         * @description Stores the raw request body, byte for byte, and the optional `X-ALTR-METADATA` string, and returns a
         *     new reference token. The signed RESOURCE is empty: the string to sign
         *     is `"POST\n\n" + X-ALTR-DATE + "\n"`.
         *
         *     Rules standin enforces:
         *     - **Authentication** (before anything else): if the `Authorization` header is missing or
         *       malformed, the key is unknown, the signature is wrong, `X-ALTR-DATE` is missing or cannot be
         *       parsed, or the date is more than 15 minutes from the server clock (either direction;
         *       exactly 15:00 is accepted), the answer is 401 `unauthorized`.
         *     - **Permission**: a key without write permission (demo key `ALTR-demo-ro`) gets 403 `forbidden`
         *       "API key does not have write permission.".
         *     - **Content-Type**: the vendor documents `application/octet-stream`, but its own 2018 sample clients sent
         *       `application/json` or no Content-Type. standin accepts any Content-Type, or none, and stores the bytes
         *       as sent, never re-serialized; a body labelled JSON is stored as bytes even when it is not valid JSON
         *       (the ledger stores bytes, so nothing suggests ALTR parses it).
         *     - **Truncation (3072 bytes)**: if the request has **no** `Content-Length` (chunked transfer) and
         *       `X-Content-Length-Hint` is under 3072, only the first 3072 bytes are stored; the rest is
         *       dropped without an error. If `Content-Length` is present, it decides: the whole body is
         *       stored and the hint is ignored. With no Content-Length and no hint, the whole body is stored.
         *     - **Organization data cap (1 MiB)**: each organization may store 1,048,576 bytes, counted after
         *       truncation (metadata not counted [standin choice]). A write that would take the total past
         *       the cap stores nothing and answers 400 `bad_request` "Organization data cap exceeded". A write
         *       that reaches the cap exactly is accepted. The check and the write are one step, so parallel
         *       writes can never overshoot the cap. Both demo keys belong to one organization with a
         *       1 MiB cap, counted per namespace; the seeded example record (token
         *       `9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70`, "Hello, chainAPI!") already uses 16 bytes of it.
         *     - **Stored record**: the token maps to `{bytes, metadata, md5}`. `X-ALTR-METADATA` is stored whenever
         *       the header is present, even empty. The data is readable as soon as the 200 is sent
         *       (read-after-write), and is never deleted; the vendor has no delete endpoint.
         *     - [standin choice] Tokens are 32 lowercase hex characters from the namespace's seeded generator, so
         *       the same `--seed` gives the same tokens in the same order. An empty body gets 400 `bad_request`
         *       (the body is required).
         */
        post: operations["putData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/single/{referenceToken}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GetData - read the stored bytes
         * @description Returns the exact bytes stored under the token (after any 3072-byte truncation applied at write
         *     time). The string to sign is `"GET\n" + referenceToken + "\n" + X-ALTR-DATE + "\n"`.
         *
         *     Rules standin enforces:
         *     - **Authentication** first: a missing or bad `Authorization` header, an unknown key, a bad signature,
         *       a missing or unparseable date, or a skew of more than 15 minutes (either direction; 15:00 is
         *       accepted) gives 401 `unauthorized`.
         *     - **Permission**: a key without read permission gets 403 `forbidden` "API key does not have read permission.".
         *       Both demo keys can read.
         *     - An unknown token gives 404 `resource_not_found`, and so does a token stored by another organization
         *       [standin choice]. A token that does not match the path pattern gives 400 `bad_request` [standin
         *       choice; the vendor documents no 400 here].
         *     - [standin choice] GetData does not wait for `data_available` (see token status): every stored token
         *       answers 200 at once, so read-after-write holds for data of any size.
         *     - 200 body: the stored bytes as `application/octet-stream`. `X-Expected-Hash` is the lowercase hex MD5
         *       of exactly those bytes. `X-ALTR-Metadata` carries the stored metadata and is left out when none was stored
         *       [standin choice]. Both names go on the wire in this casing (see "Resolved contradictions" 9).
         */
        get: operations["getData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/single/{referenceToken}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GetMetadata - read the metadata stored with a token
         * @description Returns the `X-ALTR-METADATA` string stored with the data. As the vendor documents, the 200 body is
         *     `{"success": true, "metadata": "…"}` and is **not** wrapped in `response.data`. The signed RESOURCE is
         *     the reference token alone, not `<token>/metadata`: the string to sign is
         *     `"GET\n" + referenceToken + "\n" + X-ALTR-DATE + "\n"`.
         *
         *     Rules standin enforces:
         *     - Authentication gives 401 `unauthorized` (same causes as GetData, including a skew of more than 15 minutes).
         *       A key without read permission gets 403 `forbidden`.
         *     - An unknown token gives 404 `resource_not_found`. A malformed token gives 400 `bad_request` [standin choice].
         *     - [standin choice] When no metadata was stored, `metadata` is the empty string.
         *     - Errors: this vendor page shows the bare `{error_type, error_message}` form. [standin choice] standin
         *       sends the wrapped form, as on every other route (see "Resolved contradictions" 2); the Error schema
         *       accepts both.
         */
        get: operations["getMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/single/{referenceToken}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Token status - is the token active and the data protected and available
         * @description Reports whether the token is active, whether the data's encryption key is protected, and whether the
         *     data can be read. The signed RESOURCE is the reference token alone: the string to sign is
         *     `"GET\n" + referenceToken + "\n" + X-ALTR-DATE + "\n"`.
         *
         *     Vendor rule: data over 500 bytes becomes available once its encryption key is protected; data of
         *     500 bytes or less becomes available once it is written to the ledger.
         *
         *     Rules standin enforces:
         *     - Authentication gives 401 `unauthorized` (same causes as GetData). A key without read permission gets 403 `forbidden`.
         *     - An unknown token gives 404 `resource_not_found`. A malformed token gives 400 `bad_request` [standin choice].
         *     - [standin choice] Timing, driven by the server clock so tests can pin it (`--now`, `/__admin/clock`):
         *       `token_active` is `true` as soon as PutData answers (writes are synchronous). `data_protected`
         *       becomes `true` exactly 1 second (1000 ms) of clock time after the write. `data_available` is `true`
         *       at once for data of 500 bytes or less, and equals `data_protected` for larger data. With a pinned
         *       clock, a large write therefore reads `data_protected: false, data_available: false` until the
         *       clock is moved forward by at least 1 s. The seeded example record is dated 1970 and is fully available.
         *       GetData itself never waits for these flags.
         *     - The vendor's error table lists `internal_error` as 504, but its example shows 503. standin documents 503.
         */
        get: operations["getTokenStatus"];
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
         * Error
         * @description chainAPI's error body. The usual form is wrapped, `{"success": false, "response": {"error_type", "error_message"}}`;
         *     the GetMetadata page shows it unwrapped as `{"error_type", "error_message"}`. Both forms are accepted;
         *     standin always sends the wrapped form.
         */
        Error: components["schemas"]["WrappedError"] | components["schemas"]["ErrorDetail"];
        /**
         * WrappedError
         * @description The usual chainAPI error envelope.
         */
        WrappedError: {
            /** @constant */
            success: false;
            response: components["schemas"]["ErrorDetail"];
        };
        /**
         * ErrorDetail
         * @description `error_type` values seen: `bad_request` (400), `unauthorized` (401), `forbidden` (403),
         *     `resource_not_found` (404), `internal_error` (503). Not an enum, because a real server may send others.
         */
        ErrorDetail: {
            /**
             * @example bad_request
             * @example unauthorized
             * @example forbidden
             * @example resource_not_found
             * @example internal_error
             */
            error_type: string;
            error_message: string;
        };
        /** PutDataResponse */
        PutDataResponse: {
            /** @constant */
            success: true;
            response: {
                data: {
                    /** @description The token that reads the data back. */
                    referenceToken: string;
                };
            };
        };
        /**
         * MetadataResponse
         * @description GetMetadata's body. As documented, it is not wrapped in `response.data`.
         */
        MetadataResponse: {
            /** @constant */
            success: true;
            /** @description The `X-ALTR-METADATA` value stored at write time. Empty when none was stored [standin choice]. */
            metadata: string;
        };
        /** TokenStatusResponse */
        TokenStatusResponse: {
            /** @constant */
            success: true;
            response: {
                data: {
                    /** @description The token exists and is active. */
                    token_active: boolean;
                    /** @description The data's encryption key is protected. */
                    data_protected: boolean;
                    /** @description The data can be read with GetData. */
                    data_available: boolean;
                };
            };
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The date used in the signature, signed byte for byte. Formats accepted: ISO 8601, RFC 1123 / JS
         *     `Date.toString()`, or `MM-DD-YYYY HH:mm:ss` (UTC). A date more than 15 minutes from the server clock
         *     in either direction is refused with 401 `unauthorized` (exactly 15:00 is accepted). Because
         *     authentication runs before request validation, a missing date also gives 401, not 400.
         * @example Thu, 01 Jan 1970 00:00:00 GMT
         */
        XAltrDate: string;
        /**
         * @description The reference token PutData returned. It is also the signed RESOURCE. The pattern is deliberately
         *     tolerant, because the vendor does not document the token format. standin issues 32 lowercase hex characters.
         * @example 9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70
         */
        ReferenceToken: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    putData: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The date used in the signature, signed byte for byte. Formats accepted: ISO 8601, RFC 1123 / JS
                 *     `Date.toString()`, or `MM-DD-YYYY HH:mm:ss` (UTC). A date more than 15 minutes from the server clock
                 *     in either direction is refused with 401 `unauthorized` (exactly 15:00 is accepted). Because
                 *     authentication runs before request validation, a missing date also gives 401, not 400.
                 * @example Thu, 01 Jan 1970 00:00:00 GMT
                 */
                "X-ALTR-DATE": components["parameters"]["XAltrDate"];
                /**
                 * @description Optional metadata string stored with the data. GetMetadata returns it, and GetData returns it in `X-ALTR-Metadata`.
                 * @example filename.txt
                 */
                "X-ALTR-METADATA"?: string;
                /**
                 * @description Expected body size in bytes when `Content-Length` is unknown (chunked upload). If it is under
                 *     3072 and there is no `Content-Length`, at most the first 3072 bytes are stored. `Content-Length`,
                 *     when present, wins over the hint. [standin choice] The value must be decimal digits only (`500`,
                 *     `0010`): a sign, a decimal point, an exponent or a hex/binary prefix (`+5`, `5.0`, `1e3`, `0x10`)
                 *     gets 400 `bad_request` and nothing is stored.
                 * @example 500
                 */
                "X-Content-Length-Hint"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The raw bytes to store. Their MD5 is returned later in `X-Expected-Hash`. */
        requestBody: {
            content: {
                /** @example Hello, chainAPI! */
                "application/octet-stream": string;
                "*/*": unknown;
            };
        };
        responses: {
            /** @description Data written. The reference token retrieves it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "response": {
                     *         "data": {
                     *           "referenceToken": "9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PutDataResponse"];
                };
            };
            /**
             * @description `bad_request`. Usual cause: the organization's data cap (1,048,576 stored bytes) would be
             *     exceeded; nothing is stored. Other causes, all [standin choice]: `X-Content-Length-Hint` is
             *     not decimal digits, or the body is empty (request validation; the message names the field).
             *     Nothing is stored in either case.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "bad_request",
                     *         "error_message": "Organization data cap exceeded"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `unauthorized`: the API key could not be authenticated. standin checks in this order and sends one
             *     message per cause ([standin choice] wording): no `Authorization` header ("API key must be included in
             *     header."); a header not of the form `ALTR <apiKey>:<base64 signature>` ("Authorization header must be
             *     'ALTR <apiKey>:<base64 signature>'."); no `X-ALTR-DATE` ("X-ALTR-DATE header is missing."); an unknown
             *     key ("The API key could not be authenticated."); a wrong signature ("The request signature does not
             *     match. The string to sign is \"…\"." — it shows the string standin expected to be signed, never a
             *     secret or signature); a date in none of the accepted formats ("X-ALTR-DATE is not a supported date
             *     (…)."); a date more than 15 minutes from the server clock ("Request date is more than 15 minutes from
             *     the server clock.").
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "unauthorized",
                     *         "error_message": "API key must be included in header."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the API key does not have write permission (e.g. the read-only demo key `ALTR-demo-ro`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "forbidden",
                     *         "error_message": "API key does not have write permission."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: the webserver hit an unexpected error. standin never produces this on its own; it is documented so clients can be tested against it (e.g. with an injected fault). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "internal_error",
                     *         "error_message": "Unable to process request at this time."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getData: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The date used in the signature, signed byte for byte. Formats accepted: ISO 8601, RFC 1123 / JS
                 *     `Date.toString()`, or `MM-DD-YYYY HH:mm:ss` (UTC). A date more than 15 minutes from the server clock
                 *     in either direction is refused with 401 `unauthorized` (exactly 15:00 is accepted). Because
                 *     authentication runs before request validation, a missing date also gives 401, not 400.
                 * @example Thu, 01 Jan 1970 00:00:00 GMT
                 */
                "X-ALTR-DATE": components["parameters"]["XAltrDate"];
            };
            path: {
                /**
                 * @description The reference token PutData returned. It is also the signed RESOURCE. The pattern is deliberately
                 *     tolerant, because the vendor does not document the token format. standin issues 32 lowercase hex characters.
                 * @example 9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70
                 */
                referenceToken: components["parameters"]["ReferenceToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored bytes, unchanged. */
            200: {
                headers: {
                    /**
                     * @description Lowercase hex MD5 of the returned bytes, so the client can check them.
                     * @example 76a3723906ba6e8e63af173bb595b0fe
                     */
                    "X-Expected-Hash": string;
                    /**
                     * @description The metadata stored with the data (`X-ALTR-METADATA` at write time), when there is any.
                     * @example filename.txt
                     */
                    "X-ALTR-Metadata"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example Hello, chainAPI! */
                    "application/octet-stream": string;
                };
            };
            /** @description `bad_request` [standin choice]: the reference token in the path does not match the token pattern (request validation). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "bad_request",
                     *         "error_message": "referenceToken is not a valid reference token."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `unauthorized`: the API key could not be authenticated. standin checks in this order and sends one
             *     message per cause ([standin choice] wording): no `Authorization` header ("API key must be included in
             *     header."); a header not of the form `ALTR <apiKey>:<base64 signature>` ("Authorization header must be
             *     'ALTR <apiKey>:<base64 signature>'."); no `X-ALTR-DATE` ("X-ALTR-DATE header is missing."); an unknown
             *     key ("The API key could not be authenticated."); a wrong signature ("The request signature does not
             *     match. The string to sign is \"…\"." — it shows the string standin expected to be signed, never a
             *     secret or signature); a date in none of the accepted formats ("X-ALTR-DATE is not a supported date
             *     (…)."); a date more than 15 minutes from the server clock ("Request date is more than 15 minutes from
             *     the server clock.").
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "unauthorized",
                     *         "error_message": "The API key could not be authenticated."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the API key does not have read permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "forbidden",
                     *         "error_message": "API key does not have read permission."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `resource_not_found`: no data is stored under this reference token. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "resource_not_found",
                     *         "error_message": "Reference token not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: the webserver hit an unexpected error. standin never produces this on its own; it is documented so clients can be tested against it. The token-status page lists it as 504 in its table and 503 in its example; standin uses 503. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "internal_error",
                     *         "error_message": "Unable to process request at this time."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetadata: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The date used in the signature, signed byte for byte. Formats accepted: ISO 8601, RFC 1123 / JS
                 *     `Date.toString()`, or `MM-DD-YYYY HH:mm:ss` (UTC). A date more than 15 minutes from the server clock
                 *     in either direction is refused with 401 `unauthorized` (exactly 15:00 is accepted). Because
                 *     authentication runs before request validation, a missing date also gives 401, not 400.
                 * @example Thu, 01 Jan 1970 00:00:00 GMT
                 */
                "X-ALTR-DATE": components["parameters"]["XAltrDate"];
            };
            path: {
                /**
                 * @description The reference token PutData returned. It is also the signed RESOURCE. The pattern is deliberately
                 *     tolerant, because the vendor does not document the token format. standin issues 32 lowercase hex characters.
                 * @example 9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70
                 */
                referenceToken: components["parameters"]["ReferenceToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "metadata": "filename.txt"
                     *     }
                     */
                    "application/json": components["schemas"]["MetadataResponse"];
                };
            };
            /** @description `bad_request` [standin choice]: the reference token in the path does not match the token pattern (request validation). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "bad_request",
                     *         "error_message": "referenceToken is not a valid reference token."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `unauthorized`: the API key could not be authenticated. standin checks in this order and sends one
             *     message per cause ([standin choice] wording): no `Authorization` header ("API key must be included in
             *     header."); a header not of the form `ALTR <apiKey>:<base64 signature>` ("Authorization header must be
             *     'ALTR <apiKey>:<base64 signature>'."); no `X-ALTR-DATE` ("X-ALTR-DATE header is missing."); an unknown
             *     key ("The API key could not be authenticated."); a wrong signature ("The request signature does not
             *     match. The string to sign is \"…\"." — it shows the string standin expected to be signed, never a
             *     secret or signature); a date in none of the accepted formats ("X-ALTR-DATE is not a supported date
             *     (…)."); a date more than 15 minutes from the server clock ("Request date is more than 15 minutes from
             *     the server clock.").
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "unauthorized",
                     *         "error_message": "The API key could not be authenticated."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the API key does not have read permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "forbidden",
                     *         "error_message": "API key does not have read permission."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `resource_not_found`: no data is stored under this reference token. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "resource_not_found",
                     *         "error_message": "Reference token not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: the webserver hit an unexpected error. standin never produces this on its own; it is documented so clients can be tested against it. The token-status page lists it as 504 in its table and 503 in its example; standin uses 503. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "internal_error",
                     *         "error_message": "Unable to process request at this time."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokenStatus: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The date used in the signature, signed byte for byte. Formats accepted: ISO 8601, RFC 1123 / JS
                 *     `Date.toString()`, or `MM-DD-YYYY HH:mm:ss` (UTC). A date more than 15 minutes from the server clock
                 *     in either direction is refused with 401 `unauthorized` (exactly 15:00 is accepted). Because
                 *     authentication runs before request validation, a missing date also gives 401, not 400.
                 * @example Thu, 01 Jan 1970 00:00:00 GMT
                 */
                "X-ALTR-DATE": components["parameters"]["XAltrDate"];
            };
            path: {
                /**
                 * @description The reference token PutData returned. It is also the signed RESOURCE. The pattern is deliberately
                 *     tolerant, because the vendor does not document the token format. standin issues 32 lowercase hex characters.
                 * @example 9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70
                 */
                referenceToken: components["parameters"]["ReferenceToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token's status flags. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "response": {
                     *         "data": {
                     *           "token_active": true,
                     *           "data_protected": true,
                     *           "data_available": true
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TokenStatusResponse"];
                };
            };
            /** @description `bad_request` [standin choice]: the reference token in the path does not match the token pattern (request validation). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "bad_request",
                     *         "error_message": "referenceToken is not a valid reference token."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `unauthorized`: the API key could not be authenticated. standin checks in this order and sends one
             *     message per cause ([standin choice] wording): no `Authorization` header ("API key must be included in
             *     header."); a header not of the form `ALTR <apiKey>:<base64 signature>` ("Authorization header must be
             *     'ALTR <apiKey>:<base64 signature>'."); no `X-ALTR-DATE` ("X-ALTR-DATE header is missing."); an unknown
             *     key ("The API key could not be authenticated."); a wrong signature ("The request signature does not
             *     match. The string to sign is \"…\"." — it shows the string standin expected to be signed, never a
             *     secret or signature); a date in none of the accepted formats ("X-ALTR-DATE is not a supported date
             *     (…)."); a date more than 15 minutes from the server clock ("Request date is more than 15 minutes from
             *     the server clock.").
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "unauthorized",
                     *         "error_message": "The API key could not be authenticated."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the API key does not have read permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "forbidden",
                     *         "error_message": "API key does not have read permission."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `resource_not_found`: no data is stored under this reference token. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "resource_not_found",
                     *         "error_message": "Reference token not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: the webserver hit an unexpected error. standin never produces this on its own; it is documented so clients can be tested against it. The token-status page lists it as 504 in its table and 503 in its example; standin uses 503. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "response": {
                     *         "error_type": "internal_error",
                     *         "error_message": "Unable to process request at this time."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
