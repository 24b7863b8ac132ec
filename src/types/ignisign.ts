// Generated from specs/ignisign.yaml by scripts/genTypes.js (openapi-typescript). Do not edit: change the spec and run `npm run gen:types`.
export interface paths {
    "/v4/applications/{appId}/envs/{appEnv}/log-capsules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a log capsule (timestamp a SHA-256 hash)
         * @description Timestamps a SHA-256 digest (`hashSha256_b64`) for the application and environment in the path.
         *
         *     Rules the mock enforces, in this order [standin choice for the order]:
         *     1. Authentication (`Authorization: Bearer <key>`, scheme name case-insensitive): no header → 401
         *        `AUTH_HEADER_NOT_FOUND`; a scheme other than `Bearer` → 401 `AUTH_HEADER_NOT_BEARER`; `Bearer`
         *        with no token → 401 `AUTH_HEADER_NO_TOKEN` [standin choice]; a key the mock does not know → 401
         *        `INVALID_TOKEN`.
         *     2. Path validation: `appEnv` outside DEVELOPMENT|STAGING|PRODUCTION, or an `appId` that does not
         *        match `^appId_[A-Za-z0-9_-]+$` → 400 `PARAMS_VALIDATION_FAILED`.
         *     3. Context: a key whose app or env differs from the path's `appId`/`appEnv` → 403
         *        `INVALID_CONTEXT_RIGHT_NOT_ALLOWED` (an unknown `appId` is also 403 here: the vendor documents
         *        no 404 for this route).
         *     4. Body validation: `hashSha256_b64` missing, not a string, or not what the vendor's
         *        `@IsBase64 @Length(44,44)` accepts (44 characters of standard base64: 44 alphabet characters,
         *        43 and `=`, or 42 and `==`) → 400 `BODY_VALIDATION_FAILED`; so is a missing or malformed JSON
         *        body or another content type. Unknown body fields are ignored [standin choice].
         *     5. Success → 201 echoing `hashSha256_b64` exactly as sent and returning `timestamp_b64`. The
         *        capsule is kept per (appId, appEnv) in the namespace's state (visible through the admin state
         *        dump; the vendor has no read route). Sending the same hash twice is accepted and creates a
         *        second capsule with its own serial [standin choice: duplicate behaviour is undocumented].
         *        A value that does not decode to 32 bytes (the 31- and 33-byte forms the vendor lets through)
         *        is stored, echoed and signed as the same 44-character string: the token's `hashSha256_b64` is
         *        that string and its signature covers it, while `hashAlg` still says `SHA-256` (the mock does
         *        not check that the value is a digest, as the vendor does not) [standin choice].
         *
         *     Any unexpected failure → 500 `INTERNAL_ERROR`. Every error body is
         *     `{message, timestamp (ISO 8601 UTC), status, code, context}`.
         */
        post: operations["createLogCapsule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/applications/{appId}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the application context
         * @description Returns the application's context. The official SDK calls this route during `init()` and caches
         *     `appType`; its `logCapsuleCreate` refuses to run unless `appType` is `LOG_CAPSULE`. The demo app
         *     `appId_demo` therefore answers with `appType: LOG_CAPSULE`, so the SDK's init succeeds.
         *
         *     Rules the mock enforces, in this order [standin choice for the order]:
         *     1. Authentication (`Authorization: Bearer <key>`, scheme name case-insensitive): no header → 401
         *        `AUTH_HEADER_NOT_FOUND`; a scheme other than `Bearer` → 401 `AUTH_HEADER_NOT_BEARER`; `Bearer`
         *        with no token → 401 `AUTH_HEADER_NO_TOKEN` [standin choice]; a key the mock does not know → 401
         *        `INVALID_TOKEN`. A key of any environment of the app may read its context.
         *     2. Path validation: an `appId` that does not match `^appId_[A-Za-z0-9_-]+$` → 400
         *        `PARAMS_VALIDATION_FAILED`.
         *     3. An `appId` that is no application known to the mock → 404 `APP_NOT_FOUND` [standin choice].
         *     4. A known application other than the key's → 403 `INVALID_CONTEXT_RIGHT_NOT_ALLOWED`.
         *     5. Success → 200 with the context.
         *
         *     Any unexpected failure → 500 `INTERNAL_ERROR`. Every error body is
         *     `{message, timestamp (ISO 8601 UTC), status, code, context}`.
         */
        get: operations["getApplicationContext"];
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
         * @description Execution environment of the application (`IGNISIGN_APPLICATION_ENV`).
         * @enum {string}
         */
        AppEnv: "DEVELOPMENT" | "STAGING" | "PRODUCTION";
        /** @description `IgnisignLogCapsule_RequestDto`. */
        LogCapsuleRequest: {
            /**
             * @description Base64 of a SHA-256 digest (43 characters and `=`). The vendor's validator, and so the mock,
             *     accepts any 44 characters of standard padded base64: also 44 alphabet characters (33 bytes)
             *     or 42 and `==` (31 bytes). The value is stored and echoed as sent.
             * @example uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=
             */
            hashSha256_b64: string;
        };
        /** @description `IgnisignLogCapsule_ResponseDto`. Future fields (`proof_b64`, `proof_timestamp_b64`) may appear. */
        LogCapsuleResponse: {
            /**
             * Format: byte
             * @description The hash from the request, echoed exactly as sent.
             */
            hashSha256_b64: string;
            /**
             * Format: byte
             * @description Base64 timestamp token over the hash and the server time. On the mock, a standin token (see the
             *     201 response description and README "Verifying log capsule timestamps"); on the real API,
             *     undocumented.
             */
            timestamp_b64: string;
        };
        /**
         * @description `IgnisignApplication_Context`. Only `appId` and `appType` are required; nested objects are loosely
         *     typed because their content varies with the app's type and configuration.
         */
        ApplicationContext: {
            /** @example appId_demo */
            appId: string;
            orgId?: string;
            appName?: string;
            /**
             * @description Application status (ACTIVE, BLOCKED, ARCHIVED, ORG_ARCHIVED in the public models).
             * @example ACTIVE
             */
            status?: string;
            /** @enum {string} */
            appType: "SIGNATURE" | "SEAL" | "LOG_CAPSULE" | "BARE_SIGNATURE" | "WEB3" | "IGNISIGN_RIGHT_DELEGATION";
            /**
             * @description V3 or V4 in the public models.
             * @example V4
             */
            ignisignApiVersion?: string;
            isDefaultApplication?: boolean;
            /** @description `IgnisignApplication_Configuration` (`appId`, `orgId`). */
            config?: Record<string, unknown>;
            /** @description `IgnisignApplication_EnvSettings` keyed by environment (DEVELOPMENT, STAGING, PRODUCTION). */
            envSettings?: Record<string, unknown>;
            /** @description `IgnisignApplication_Settings` (branding, default language, support e-mail). */
            settings?: Record<string, unknown>;
            /** @description Signer profiles keyed by environment (an object in the public models). */
            signerProfiles?: Record<string, unknown> | unknown[];
            /**
             * @deprecated
             * @description Deprecated in the public models.
             */
            signatureProfiles?: Record<string, unknown> | unknown[];
        };
        /** @description The Ignisign error body, returned with every 4xx and 5xx status. */
        Error: {
            /** @description The main message related to the error. */
            message: string;
            /**
             * @description When the error occurred, UTC. The docs say `YYYY-MM-DD HH:mm:ss ZZ` but show ISO 8601; the mock
             *     sends ISO 8601 and this pattern accepts both.
             * @example 2024-07-29T15:51:28.071Z
             * @example 2024-07-29 15:51:28 +00:00
             */
            timestamp?: string;
            /** @description The HTTP status code of the response. */
            status: number;
            /**
             * @description One of `IGNISIGN_ERROR_CODES` (349 values in the public models). Those the mock sends, all from
             *     that list: AUTH_HEADER_NOT_FOUND, AUTH_HEADER_NOT_BEARER, AUTH_HEADER_NO_TOKEN, INVALID_TOKEN,
             *     INVALID_CONTEXT_RIGHT_NOT_ALLOWED, PARAMS_VALIDATION_FAILED, QUERY_VALIDATION_FAILED,
             *     BODY_VALIDATION_FAILED, APP_NOT_FOUND, NOT_YET_IMPLEMENTED (404, unknown route), BAD_REQUEST
             *     (405 wrong method, 413 body too large), INTERNAL_ERROR.
             * @example BODY_VALIDATION_FAILED
             * @example INVALID_TOKEN
             */
            code: string;
            /** @description Additional contextual information; any properties. */
            context?: Record<string, unknown>;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The application identifier (`appId_` followed by the app's id).
         * @example appId_demo
         */
        AppId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createLogCapsule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The application identifier (`appId_` followed by the app's id).
                 * @example appId_demo
                 */
                appId: components["parameters"]["AppId"];
                /**
                 * @description The execution environment of the application where requests are executed.
                 * @example DEVELOPMENT
                 */
                appEnv: components["schemas"]["AppEnv"];
            };
            cookie?: never;
        };
        /** @description The SHA-256 digest to timestamp, base64-encoded. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "hashSha256_b64": "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="
                 *     }
                 */
                "application/json": components["schemas"]["LogCapsuleRequest"];
            };
        };
        responses: {
            /**
             * @description The log capsule has been created.
             *
             *     `timestamp_b64` [standin choice]: base64 of the UTF-8 JSON timestamp token
             *     `{"v":1,"alg":"Ed25519","kid":"standin-demo-tsa-2024","hashAlg":"SHA-256","hashSha256_b64":<the hash as sent>,"genTime":<server time, ISO 8601 UTC>,"serial":<decimal string>,"sig":<base64 signature>}`.
             *     `sig` is the Ed25519 signature, by the demo timestamp-authority key (`kid`; its public key is in
             *     the README and in `fixtures/ignisign/tsa-demo-key.json`), over the canonical bytes of the other
             *     fields: their JSON with keys sorted and no whitespace (what `jq -cjS 'del(.sig)'` prints).
             *     `serial` counts capsules per namespace from 1 (reset with the namespace). `standin
             *     verify-capsule <timestamp_b64> [--hash <b64>]` checks a token. The example is the first capsule of a
             *     namespace with the clock pinned to 2024-07-29T15:51:28.071Z. The real Ignisign value is
             *     undocumented (probably an RFC 3161 token), so clients should treat it as an opaque base64 string.
             */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "hashSha256_b64": "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=",
                     *       "timestamp_b64": "eyJ2IjoxLCJhbGciOiJFZDI1NTE5Iiwia2lkIjoic3RhbmRpbi1kZW1vLXRzYS0yMDI0IiwiaGFzaEFsZyI6IlNIQS0yNTYiLCJoYXNoU2hhMjU2X2I2NCI6InVVMG51Wk5OUGdpbExsTFgybjJyK3NTRTcrTjZVNER1a0lqM3JPTHZ6ZWs9IiwiZ2VuVGltZSI6IjIwMjQtMDctMjlUMTU6NTE6MjguMDcxWiIsInNlcmlhbCI6IjEiLCJzaWciOiJzcTlJbkp4RWIra1RMSkdWQmMwaU5vd3Z4amtiUE1GV2UyUG03TDc4aDcxcWM5SGpINVI2VGpxdDVjOHhYc0dmelRWa1M3K1BWMERWb041LytEdHhCUT09In0="
                     *     }
                     */
                    "application/json": components["schemas"]["LogCapsuleResponse"];
                };
            };
            /**
             * @description Bad request. `BODY_VALIDATION_FAILED`: `hashSha256_b64` missing or not 44 characters of
             *     standard base64 (example), a malformed JSON body, or another content type. `PARAMS_VALIDATION_FAILED`: `appEnv` not one of DEVELOPMENT|STAGING|PRODUCTION,
             *     or a malformed `appId`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "body field 'hashSha256_b64' must match pattern \"^[A-Za-z0-9+/]{42}(?:[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]=|==)$\"",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 400,
                     *       "code": "BODY_VALIDATION_FAILED",
                     *       "context": {
                     *         "field": "hashSha256_b64",
                     *         "problems": [
                     *           {
                     *             "in": "body",
                     *             "field": "hashSha256_b64",
                     *             "pointer": "/hashSha256_b64",
                     *             "keyword": "pattern",
                     *             "message": "must match pattern \"^[A-Za-z0-9+/]{42}(?:[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]=|==)$\""
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Unauthorized. `AUTH_HEADER_NOT_FOUND`: no `Authorization` header (example).
             *     `AUTH_HEADER_NOT_BEARER`: the header's scheme is not `Bearer`. `AUTH_HEADER_NO_TOKEN`: `Bearer`
             *     with nothing after it. `INVALID_TOKEN`: unknown API key.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Authorization header not found",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 401,
                     *       "code": "AUTH_HEADER_NOT_FOUND",
                     *       "context": {}
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Forbidden. `INVALID_CONTEXT_RIGHT_NOT_ALLOWED`: the API key belongs to another application or
             *     environment than the one in the path.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "This API key is not allowed to act on this application and environment",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 403,
                     *       "code": "INVALID_CONTEXT_RIGHT_NOT_ALLOWED",
                     *       "context": {
                     *         "appId": "appId_demo",
                     *         "appEnv": "PRODUCTION"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (`INTERNAL_ERROR`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Internal server error",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 500,
                     *       "code": "INTERNAL_ERROR",
                     *       "context": {}
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApplicationContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The application identifier (`appId_` followed by the app's id).
                 * @example appId_demo
                 */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application context. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "appId": "appId_demo",
                     *       "orgId": "orgId_demo",
                     *       "appName": "standin demo log capsule app",
                     *       "status": "ACTIVE",
                     *       "appType": "LOG_CAPSULE",
                     *       "ignisignApiVersion": "V4",
                     *       "config": {
                     *         "appId": "appId_demo",
                     *         "orgId": "orgId_demo"
                     *       },
                     *       "envSettings": {
                     *         "DEVELOPMENT": {
                     *           "appId": "appId_demo",
                     *           "orgId": "orgId_demo",
                     *           "appEnv": "DEVELOPMENT",
                     *           "isApiKeyGenerated": true,
                     *           "currentVersion": 1,
                     *           "webhooks": [],
                     *           "extendedAuthSessionEnabled": false,
                     *           "sharingRestricted": false,
                     *           "apiKeys": [],
                     *           "ssoConfigs": []
                     *         }
                     *       },
                     *       "settings": {
                     *         "appId": "appId_demo",
                     *         "orgId": "orgId_demo",
                     *         "defaultLanguage": "EN"
                     *       },
                     *       "signerProfiles": {
                     *         "DEVELOPMENT": []
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationContext"];
                };
            };
            /** @description Bad request. `PARAMS_VALIDATION_FAILED`: malformed `appId`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "path parameter 'appId' must match pattern \"^appId_[A-Za-z0-9_-]+$\"",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 400,
                     *       "code": "PARAMS_VALIDATION_FAILED",
                     *       "context": {
                     *         "field": "appId",
                     *         "problems": [
                     *           {
                     *             "in": "path",
                     *             "field": "appId",
                     *             "pointer": "/appId",
                     *             "keyword": "pattern",
                     *             "message": "must match pattern \"^appId_[A-Za-z0-9_-]+$\""
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Unauthorized. `INVALID_TOKEN`: unknown API key (example). `AUTH_HEADER_NOT_FOUND`: no
             *     `Authorization` header. `AUTH_HEADER_NOT_BEARER`: the header's scheme is not `Bearer`.
             *     `AUTH_HEADER_NO_TOKEN`: `Bearer` with nothing after it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Invalid API key",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 401,
                     *       "code": "INVALID_TOKEN",
                     *       "context": {}
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Forbidden. `INVALID_CONTEXT_RIGHT_NOT_ALLOWED`: the API key belongs to another application. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "This API key is not allowed to act on this application",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 403,
                     *       "code": "INVALID_CONTEXT_RIGHT_NOT_ALLOWED",
                     *       "context": {
                     *         "appId": "appId_other"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. `APP_NOT_FOUND`: no application has this `appId` [standin choice]. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Application not found",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 404,
                     *       "code": "APP_NOT_FOUND",
                     *       "context": {
                     *         "appId": "appId_unknown"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (`INTERNAL_ERROR`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Internal server error",
                     *       "timestamp": "2024-07-29T15:51:28.071Z",
                     *       "status": 500,
                     *       "code": "INTERNAL_ERROR",
                     *       "context": {}
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
