// Generated from specs/droplit.yaml by scripts/genTypes.js (openapi-typescript). Do not edit: change the spec and run `npm run gen:types`.
export interface paths {
    "/v0/api/environments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the environments of an ecosystem
         * @description Lists the environments in one ecosystem. Also served at `GET /api/environments/`.
         *
         *     Rules standin enforces:
         *     - **Auth**: a missing or unknown token gives 401 `Unauthorized`. A token of a type other than account,
         *       server or user gives 403 `Forbidden`.
         *     - `ecosystemId` is required. If it is missing, or does not match its pattern, the answer is 400 `InvalidParams`
         *       "Ecosystem Invalid", sent as in the vendor's example: `{in: query, path: ecosystemId, message: "invalid id"}`.
         *     - A well-formed `ecosystemId` that names no known ecosystem gives 404 "Ecosystem Not Found" as the list
         *       page documents it: `text/plain`, `Ecosystem with id <id> does not exist.`
         *     - Items come in creation order [standin choice]. Each carries `edgeIds`, which is always `[]` because
         *       standin models no edges, and `alias` when one is set.
         *
         *     **Filter**: the vendor's function-call syntax and its 17 operators, case-insensitive:
         *     `AND`, `OR`, `NOR`, `NOT`, `EQUALS`, `NOTEQUALS`, `LESSTHAN`, `LESSTHANOREQUAL`, `GREATERTHAN`,
         *     `GREATERTHANOREQUAL`, `IN`, `NOTIN`, `TYPE`, `EXISTS`, `NOTEXISTS`, `CONTAINS`, `NCONTAINS`. The vendor's
         *     own example writes `eq(…)`, which its operator list does not name, so the document-store short names
         *     `eq`, `ne`, `lt`, `lte`, `gt`, `gte` and `nin` work too [standin choice].
         *     - `field` is a dotted path into the environment: `id`, `ecosystemId`, `alias`, `createdAt`, `meta.<key>`
         *       (e.g. `meta.$label`, `meta.a.b`). A path through something that is not an object names a missing field.
         *     - `value` is a JSON literal: a double-quoted string with JSON escapes, a number, `true`, `false` or `null`.
         *     - `and(f, …)`, `or(f, …)`, `nor(f, …)` take one filter or more; `not(f)` exactly one.
         *     - `equals(field, value)` / `notequals`: equal / not equal; a `null` value also matches a missing field,
         *       so `notequals(field, null)` means "present and not null". Arrays and objects are never equal to a
         *       literal [standin choice: no element-wise array matching].
         *     - `lessthan`, `lessthanorequal`, `greaterthan`, `greaterthanorequal` (`field`, `value`): true only when the
         *       field holds a value of the literal's type: numbers by value, strings by UTF-16 code unit (so ISO
         *       `createdAt` values compare by time), `false` < `true`. With `null`, the `…orequal` forms match null or
         *       missing fields and the strict forms match nothing [standin choice, as in document stores].
         *     - `in(field, [v, …])`: the field equals one of the literals (`[]` matches nothing); `notin` is its
         *       negation, so it also matches a missing field. The list must be written in brackets.
         *     - `type(field, name)`: the field holds a value of JSON type `name`, one of `string`, `number`, `boolean`,
         *       `object`, `array`, `null`, written bare or quoted [standin choice: the vendor publishes no type names].
         *       A missing field has no type.
         *     - `exists(field)` / `notexists(field)`: the field is present (even as `null`) / absent.
         *     - `contains(field, value)`: the field is a string that contains `value` as a substring; `ncontains` is
         *       its negation.
         *     - Limits [standin choice]: at most 4096 characters and at most 32 nested operators.
         *
         *     Anything else gives 400 `InvalidBody` "Filter Invalid" with one entry `{path: query, message}`. For a
         *     syntax error the message is the vendor's: `Invalid input '<token>' from filter '<filter>'. Expected
         *     <what> after '<text before the token>'`, where `<token>` is the offending input up to the next space,
         *     parenthesis, bracket or comma (that one character if the input starts with it; empty at the end of the
         *     filter), and `<what>` lists what could come there, each in single quotes and
         *     comma-separated. Where an operator could come, that is the vendor's 17 names, so `filter=invalid` gives
         *     exactly the message on the vendor's list page. Elsewhere [standin choice] it is the expected
         *     punctuation (`'('`, `','`, `')'`, `'['`, `']'`), `'FIELD'`, `'VALUE'`, the six type names, or
         *     `'END OF FILTER'`. Nesting too deep ends in `Expected at most 32 nested operators after '<text>'`; a
         *     filter that is too long gives `Invalid input from filter: it is longer than 4096 characters`. An
         *     empty `filter=` is parsed like any other, so it is refused.
         */
        get: operations["listEnvironments"];
        put?: never;
        /**
         * Create an environment
         * @description Creates an environment in an ecosystem. Only an account token may do this. Also served at
         *     `POST /api/environments/`.
         *
         *     Rules standin enforces, in this order:
         *     - **Auth**: a missing or unknown `authorization` token gives 401 `Unauthorized`. A token that is not an
         *       account token (e.g. the user token `droplit-demo-user`) gives 403 `Forbidden`.
         *     - **No query string**: any query string gives 400 `InvalidParams` "No Query String Allowed", with
         *       one `errors[]` entry (`in: query`, `path` the parameter name) per parameter. This is checked
         *       before the body, so it is the answer whatever the body holds.
         *     - **Body**: a `content-type` other than `application/json`, no body at all, or a body without `ecosystemId`
         *       gives 400 `InvalidParams` `{in: body, path: "#", message: "required properties are missing: ecosystemId"}`:
         *       the page says a body sent with the wrong content type is not read, so its required fields are absent,
         *       and the text is the devices-create page's wire sample for that error. An `ecosystemId` that is present
         *       but empty or not a string gives 400 `InvalidParams` "Body Parameters Missing" (`path: ecosystemId`). A
         *       body that is not valid JSON gives 400 `InvalidBody` with the parser's message at `path: "#"` [standin choice].
         *     - The body problems below (missing `ecosystemId`, invalid `alias`, invalid `meta`) are checked together:
         *       one 400 `InvalidParams` lists one `errors[]` entry per problem field [standin choice].
         *     - **Alias**: an `alias` that does not match `^[A-Za-z0-9_]{1,24}$` (case-sensitive, no spaces) gives 400
         *       `InvalidParams` "Alias Invalid". An alias already used by another environment **in the same
         *       ecosystem** gives 400 `InvalidBody` "Alias Exists". The uniqueness check is atomic: of many
         *       concurrent creates with one alias, exactly one succeeds.
         *     - **Metadata**: a `meta` that is not a JSON object (including `null`, an array or a string) gives 400
         *       `InvalidParams` "Metadata Format Invalid". So does a `meta` whose objects and arrays nest more than
         *       99 levels deep, counting `meta` itself as level 1 [standin choice: the vendor publishes only a 16 MB
         *       record limit; document stores commonly cap a record at 100 levels, and the record holding `meta` is
         *       the first]. This is checked after the schema's body rules, and nothing is stored. [standin choice] Key
         *       names are not checked against the naming rule.
         *     - **Ecosystem**: an `ecosystemId` that names no known ecosystem gives 404 `NotFound` "Ecosystem Missing".
         *     - **201**: `{createdAt, ecosystemId, id, meta}`, plus `alias` when one was given (as the devices pages
         *       show a device's alias; see contradiction 11).
         *       `id` is `E` followed by 24 lowercase hex characters from the seeded generator, and `createdAt` is the
         *       injected clock's time in ISO 8601 UTC. `meta` defaults to `{}`. A refused create stores nothing and
         *       consumes no id, so the ids of later creates do not depend on earlier failures.
         *
         *     **System metadata prefix** [standin choice]: keys starting with `$` are system-reserved (e.g. `$label`,
         *     the display name). The effective prefix P is the `x-system-metadata-prefix` header, else
         *     `x-system-meta-prefix`, else `$.`.
         *     - When P is `$.` or `$` (the default), `meta` is stored and returned exactly as sent.
         *     - For any other P, inbound, each **top-level** key of `meta` that starts with P is stored as
         *       `$` + the rest of the key (P `sys_`: `sys_label` → `$label`). Other keys are stored unchanged.
         *     - Outbound, in the response to **that same request only**, each top-level key starting with `$` is
         *       sent back as P + the rest of the key. The header is not global, as the vendor says: later
         *       requests without it see `$label`.
         */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0/api/environments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The environment to act on [standin choice on resolution]. Accepted forms, tried in this order:
                 *     1. An environment id. Generated ids match `^E[0-9a-f]{24}$`.
                 *     2. A scoped alias `<ecosystemId>;<alias>`; either part may carry the optional `@` reference prefix.
                 *     3. A bare alias, `<alias>` or `@<alias>`. It resolves when exactly one environment has that alias;
                 *        if environments in several ecosystems share it, the answer is 400 "Environment Invalid" (`invalid id`).
                 *
                 *     A value that does not match the pattern gives 400 `InvalidParams` "Environment Invalid" (`invalid id`).
                 * @example E59e347bcaa0961c9631d6da1
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        /**
         * Get an environment's info
         * @description Returns one environment. Also served at `GET /api/environments/{id}`.
         *
         *     Rules standin enforces:
         *     - **Auth**: a missing or unknown token gives 401 `Unauthorized`. A token of a type other than account,
         *       server or user gives 403 `Forbidden`.
         *     - `{id}` is resolved as described on the `id` parameter (an id, an alias, or `ecosystemId;alias`). A value
         *       that does not match the pattern, or a bare alias shared by environments in several ecosystems, gives
         *       400 `InvalidParams` "Environment Invalid", sent as `{in: path, path: id, message: "invalid id"}`.
         *     - Nothing found gives 404 `NotFound` "Environment Not Found".
         *     - 200: `{createdAt, ecosystemId, id, meta}` plus `alias` when set. System keys are returned as stored (`$label`).
         */
        get: operations["getEnvironment"];
        /**
         * Update an environment's alias and metadata
         * @description Changes an environment's `alias` and/or `meta`. Also served at `PUT /api/environments/{id}`.
         *
         *     Rules standin enforces:
         *     - **Auth**: a missing or unknown token gives 401 `Unauthorized`. A token of a type other than account,
         *       server or user gives 403 `Forbidden`.
         *     - `{id}` is resolved as on getEnvironment. A malformed or ambiguous `{id}` gives 400 `InvalidParams`
         *       "Environment Invalid" (message `invalid id`); an unknown one gives 404 `NotFound` "Environment Not Found".
         *     - A `content-type` other than `application/json`, or no body at all, gives 400 `InvalidParams` "Body Parameters
         *       Missing" (`path: "#"`) [standin choice: the update page lists no such error; by the create page's rule
         *       the vendor would read such a body as empty]. A body that is not valid JSON gives 400 `InvalidBody`
         *       (`path: "#"`) [standin choice].
         *     - **alias**: a string must match `^[A-Za-z0-9_]{1,24}$`, or the answer is 400 `InvalidParams` "Alias Invalid".
         *       It must not be used by another environment in the same ecosystem, or the answer is 400 `InvalidBody`
         *       "Alias Exists"; setting an environment's own current alias again is fine. `null` removes the alias.
         *       The uniqueness check is atomic.
         *     - **meta**: an object **replaces** the stored metadata [standin choice]; `null` clears it (it is then
         *       returned as `{}`); anything else, or an object nesting more than 99 levels (as on createEnvironment),
         *       gives 400 `InvalidParams` "Metadata Format Invalid". The system metadata prefix headers work as on
         *       createEnvironment.
         *     - A field that is left out is unchanged; an empty body `{}` changes nothing and returns 200 [standin choice].
         *     - The body is checked before `{id}` is looked up, so a bad body on an unknown `{id}` gives 400. A refused
         *       update changes nothing (neither `alias` nor `meta`).
         *     - **200**: the vendor does not document a body. standin returns the updated environment, shaped as in
         *       getEnvironment.
         */
        put: operations["updateEnvironment"];
        post?: never;
        /**
         * Delete an environment
         * @description Deletes one environment. Also served at `DELETE /api/environments/{id}`.
         *
         *     The vendor publishes no environments-delete page; the Droplit SDK's own integration test calls
         *     `droplit.environments.deleteEnvironment(environmentId)` to clean up. standin follows the sibling
         *     devices-delete page (same resource style, same error words) [standin choice where noted]:
         *     - **Auth**: a missing or unknown token gives 401 `Unauthorized`. Account, server and user tokens may delete,
         *       as on devices-delete and on environments info and update; another known token (e.g. a client token)
         *       gives 403 `Forbidden` [standin choice].
         *     - **No query string**: any query string gives 400 `InvalidParams` "No Query String Allowed", one entry
         *       per parameter, checked right after auth (as on devices-delete).
         *     - `{id}` is resolved as on getEnvironment: an id, `<ecosystemId>;<alias>` or a bare `alias`/`@alias`. A
         *       malformed or ambiguous `{id}` gives 400 `InvalidParams` "Environment Invalid" (message `invalid id`).
         *       Nothing found, including an environment already deleted, gives 404 `NotFound` "Environment Not Found".
         *     - **200** with no body ("No content returned, only the status code" on devices-delete). The environment
         *       is gone from info, update and list, and its alias is free: a create with the same alias in that
         *       ecosystem then answers 201. Its id is never handed out again.
         */
        delete: operations["deleteEnvironment"];
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
         * @description Droplit's standard error structure. `errorType` values seen in the vendor docs: `InvalidParams` and
         *     `InvalidBody`. standin also sends `Unauthorized` (401), `Forbidden` (403) and `NotFound` (404).
         *     `errorType` is a plain string, not an enum.
         */
        Error: {
            /**
             * @example InvalidParams
             * @example InvalidBody
             * @example Unauthorized
             * @example Forbidden
             * @example NotFound
             */
            errorType: string;
            errors: components["schemas"]["ErrorItem"][];
        };
        /** ErrorItem */
        ErrorItem: {
            /** @description Where the problem is. Values seen are `query`, `body` and `path`; standin also uses `header`. */
            in?: string;
            /** @description The offending parameter or field (e.g. `ecosystemId`, `alias`), `#` for the body as a whole, or `query` for a filter error. */
            path: string;
            message: string;
        };
        /**
         * Meta
         * @description Free-form metadata (a JSON object). Keys starting with `$` are system-reserved; `$label` is the
         *     display name. The vendor limits a whole record to 16 MB; standin refuses objects and arrays nested
         *     more than 99 levels deep, counting `meta` itself as level 1 [standin choice].
         */
        Meta: Record<string, unknown>;
        /** EnvironmentUpdate */
        EnvironmentUpdate: {
            /** @description New alias, or `null` to remove it. Left out means unchanged. */
            alias?: string | null;
            /** @description New metadata, which replaces the old; `null` clears it. Left out means unchanged. */
            meta?: Record<string, unknown> | null;
        };
        /**
         * Environment
         * @description An environment as create, info and update return it.
         */
        Environment: {
            /**
             * @description Creation time. standin sends ISO 8601 UTC with milliseconds (`2017-06-16T03:08:44.404Z`). The vendor's
             *     create page shows the placeholder `YYYY-MM-DD HH:MM:SS ENCODED`, so this is a plain string with no format.
             */
            createdAt: string;
            ecosystemId: string;
            /** @description Environment id. standin generates `E` + 24 lowercase hex characters. */
            id: string;
            /** @description Present when an alias is set. */
            alias?: string;
            /** @description The metadata. standin sends `{}` when there is none; a real server may send `null`. */
            meta: Record<string, unknown> | null;
        };
        /** EnvironmentListItem */
        EnvironmentListItem: {
            id: string;
            ecosystemId: string;
            alias?: string;
            meta: Record<string, unknown> | null;
            /** @description ISO 8601 UTC from standin, as in the vendor's list example. */
            createdAt: string;
            /** @description Ids of the edge devices in the environment. standin models no edges, so this is always empty. */
            edgeIds: string[];
        };
        /** EnvironmentList */
        EnvironmentList: {
            items: components["schemas"]["EnvironmentListItem"][];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The environment to act on [standin choice on resolution]. Accepted forms, tried in this order:
         *     1. An environment id. Generated ids match `^E[0-9a-f]{24}$`.
         *     2. A scoped alias `<ecosystemId>;<alias>`; either part may carry the optional `@` reference prefix.
         *     3. A bare alias, `<alias>` or `@<alias>`. It resolves when exactly one environment has that alias;
         *        if environments in several ecosystems share it, the answer is 400 "Environment Invalid" (`invalid id`).
         *
         *     A value that does not match the pattern gives 400 `InvalidParams` "Environment Invalid" (`invalid id`).
         * @example E59e347bcaa0961c9631d6da1
         */
        EnvironmentId: string;
        /**
         * @description A custom prefix for system metadata keys (this is the name the endpoint pages use). The default is `$.`,
         *     which stores keys as sent. Any other value is translated to and from `$` as the createEnvironment
         *     description explains. If both prefix headers are sent, this one wins.
         * @example sys_
         */
        SystemMetadataPrefix: string;
        /**
         * @description The same header under the name the vendor's metadata page uses. `x-system-metadata-prefix` wins when both are sent.
         * @example sys_
         */
        SystemMetaPrefix: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listEnvironments: {
        parameters: {
            query: {
                /**
                 * @description The ecosystem to list. Must match the id pattern; otherwise the answer is 400 "Ecosystem Invalid" (message `invalid id`).
                 * @example C599343aecca8fba8297a3195
                 */
                ecosystemId: string;
                /**
                 * @description An optional filter expression, e.g. `eq(meta.$label, "Production Hub")`, at most 4096 characters. The operation description gives the language.
                 * @example eq(meta.$label, "Living room")
                 */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environments in the ecosystem (after the filter, if one was given). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "E59e347bcaa0961c9631d6da1",
                     *           "ecosystemId": "C599343aecca8fba8297a3195",
                     *           "alias": "living_room",
                     *           "meta": {
                     *             "$label": "Living room"
                     *           },
                     *           "createdAt": "2017-06-16T03:08:44.404Z",
                     *           "edgeIds": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["EnvironmentList"];
                };
            };
            /**
             * @description Invalid query. The example shows the most common cause. All causes:
             *     - `InvalidParams` "Ecosystem Invalid": `ecosystemId` is missing or malformed (message `invalid id`, as the vendor sends it).
             *     - `InvalidBody` "Filter Invalid": `filter` is not in the filter language, or breaks its limits.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "InvalidParams",
                     *       "errors": [
                     *         {
                     *           "in": "query",
                     *           "path": "ecosystemId",
                     *           "message": "invalid id"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `authorization` header is missing, or its token is unknown. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Unauthorized",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "Invalid or missing token"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token type (e.g. a client or authentication token) may not call this endpoint. It must be an account, server or user token. The standin demo client token `droplit-demo-client` triggers this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Forbidden",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "This token type may not access this endpoint"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description "Ecosystem Not Found": no ecosystem has this id. standin sends plain text, as the list page documents;
             *     the JSON envelope is declared too, for servers that send it.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "NotFound",
                     *       "errors": [
                     *         {
                     *           "in": "query",
                     *           "path": "ecosystemId",
                     *           "message": "Ecosystem with id C000000000000000000000000 does not exist."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                    /** @example Ecosystem with id C000000000000000000000000 does not exist. */
                    "text/plain": string;
                };
            };
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A custom prefix for system metadata keys (this is the name the endpoint pages use). The default is `$.`,
                 *     which stores keys as sent. Any other value is translated to and from `$` as the createEnvironment
                 *     description explains. If both prefix headers are sent, this one wins.
                 * @example sys_
                 */
                "x-system-metadata-prefix"?: components["parameters"]["SystemMetadataPrefix"];
                /**
                 * @description The same header under the name the vendor's metadata page uses. `x-system-metadata-prefix` wins when both are sent.
                 * @example sys_
                 */
                "x-system-meta-prefix"?: components["parameters"]["SystemMetaPrefix"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ecosystemId": "C599343aecca8fba8297a3195",
                 *       "alias": "garage",
                 *       "meta": {
                 *         "$label": "Garage"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description The ecosystem to create the environment in, e.g. `C599343aecca8fba8297a3195`. */
                    ecosystemId: string;
                    /** @description Optional alias, unique within the ecosystem (1–24 characters from `[A-Za-z0-9_]`, case-sensitive). */
                    alias?: string;
                    meta?: components["schemas"]["Meta"];
                };
            };
        };
        responses: {
            /** @description The environment was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "createdAt": "2024-05-01T12:00:00.000Z",
                     *       "ecosystemId": "C599343aecca8fba8297a3195",
                     *       "id": "E3a1f0c9b7d5e2468ace13579",
                     *       "alias": "garage",
                     *       "meta": {
                     *         "$label": "Garage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /**
             * @description Invalid request. The example shows the most common cause. All causes, with their `errorType` and
             *     message:
             *     - `InvalidParams` `required properties are missing: ecosystemId` (`path: "#"`): `ecosystemId` is absent,
             *       there is no body, or `content-type` is not `application/json`.
             *     - `InvalidParams` "Body Parameters Missing" (`path: ecosystemId`): `ecosystemId` is empty or not a string.
             *     - `InvalidParams` "No Query String Allowed": the request has a query string.
             *     - `InvalidBody` (the JSON parser's message): the body is not valid JSON [standin choice].
             *     - `InvalidParams` "Alias Invalid": `alias` does not match `^[A-Za-z0-9_]{1,24}$`.
             *     - `InvalidBody` "Alias Exists": another environment in the ecosystem already has this alias.
             *     - `InvalidParams` "Metadata Format Invalid": `meta` is not a JSON object, or nests more than 99 levels.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "InvalidParams",
                     *       "errors": [
                     *         {
                     *           "in": "body",
                     *           "path": "#",
                     *           "message": "required properties are missing: ecosystemId"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `authorization` header is missing, or its token is unknown. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Unauthorized",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "Invalid or missing token"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token is valid but is not an account token (e.g. a user token); only account tokens may create environments. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Forbidden",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "An account token is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description "Ecosystem Missing": `ecosystemId` names no known ecosystem. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "NotFound",
                     *       "errors": [
                     *         {
                     *           "in": "body",
                     *           "path": "ecosystemId",
                     *           "message": "Ecosystem Missing"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The environment to act on [standin choice on resolution]. Accepted forms, tried in this order:
                 *     1. An environment id. Generated ids match `^E[0-9a-f]{24}$`.
                 *     2. A scoped alias `<ecosystemId>;<alias>`; either part may carry the optional `@` reference prefix.
                 *     3. A bare alias, `<alias>` or `@<alias>`. It resolves when exactly one environment has that alias;
                 *        if environments in several ecosystems share it, the answer is 400 "Environment Invalid" (`invalid id`).
                 *
                 *     A value that does not match the pattern gives 400 `InvalidParams` "Environment Invalid" (`invalid id`).
                 * @example E59e347bcaa0961c9631d6da1
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "createdAt": "2017-06-16T03:08:44.404Z",
                     *       "ecosystemId": "C599343aecca8fba8297a3195",
                     *       "id": "E59e347bcaa0961c9631d6da1",
                     *       "alias": "living_room",
                     *       "meta": {
                     *         "$label": "Living room"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description `InvalidParams` "Environment Invalid" (message `invalid id`): `{id}` is malformed, or is a bare alias that matches environments in more than one ecosystem [standin choice]. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "InvalidParams",
                     *       "errors": [
                     *         {
                     *           "in": "path",
                     *           "path": "id",
                     *           "message": "invalid id"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `authorization` header is missing, or its token is unknown. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Unauthorized",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "Invalid or missing token"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token type (e.g. a client or authentication token) may not call this endpoint. It must be an account, server or user token. The standin demo client token `droplit-demo-client` triggers this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Forbidden",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "This token type may not access this endpoint"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description "Environment Not Found": no environment matches `{id}`. A real server may send plain text. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "NotFound",
                     *       "errors": [
                     *         {
                     *           "in": "path",
                     *           "path": "id",
                     *           "message": "Environment Not Found"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                    /** @example Environment with id E000000000000000000000000 does not exist. */
                    "text/plain": string;
                };
            };
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A custom prefix for system metadata keys (this is the name the endpoint pages use). The default is `$.`,
                 *     which stores keys as sent. Any other value is translated to and from `$` as the createEnvironment
                 *     description explains. If both prefix headers are sent, this one wins.
                 * @example sys_
                 */
                "x-system-metadata-prefix"?: components["parameters"]["SystemMetadataPrefix"];
                /**
                 * @description The same header under the name the vendor's metadata page uses. `x-system-metadata-prefix` wins when both are sent.
                 * @example sys_
                 */
                "x-system-meta-prefix"?: components["parameters"]["SystemMetaPrefix"];
            };
            path: {
                /**
                 * @description The environment to act on [standin choice on resolution]. Accepted forms, tried in this order:
                 *     1. An environment id. Generated ids match `^E[0-9a-f]{24}$`.
                 *     2. A scoped alias `<ecosystemId>;<alias>`; either part may carry the optional `@` reference prefix.
                 *     3. A bare alias, `<alias>` or `@<alias>`. It resolves when exactly one environment has that alias;
                 *        if environments in several ecosystems share it, the answer is 400 "Environment Invalid" (`invalid id`).
                 *
                 *     A value that does not match the pattern gives 400 `InvalidParams` "Environment Invalid" (`invalid id`).
                 * @example E59e347bcaa0961c9631d6da1
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "alias": "kitchen",
                 *       "meta": {
                 *         "$label": "Kitchen"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentUpdate"];
            };
        };
        responses: {
            /** @description The updated environment. The vendor does not document this body; standin returns the environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "createdAt": "2017-06-16T03:08:44.404Z",
                     *       "ecosystemId": "C599343aecca8fba8297a3195",
                     *       "id": "E59e347bcaa0961c9631d6da1",
                     *       "alias": "kitchen",
                     *       "meta": {
                     *         "$label": "Kitchen"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /**
             * @description Invalid request. The example shows the most common cause. All causes:
             *     - `InvalidParams` "Alias Invalid": `alias` is a string that does not match `^[A-Za-z0-9_]{1,24}$`.
             *     - `InvalidBody` "Alias Exists": another environment in the same ecosystem has this alias.
             *     - `InvalidParams` "Metadata Format Invalid": `meta` is neither an object nor `null`.
             *     - `InvalidParams` "Environment Invalid" (message `invalid id`): `{id}` is malformed or ambiguous.
             *     - `InvalidParams` "Body Parameters Missing": `content-type` is not `application/json`, or there is no body.
             *     - `InvalidBody` (the JSON parser's message): the body is not valid JSON [standin choice].
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "InvalidBody",
                     *       "errors": [
                     *         {
                     *           "in": "body",
                     *           "path": "alias",
                     *           "message": "Alias Exists"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `authorization` header is missing, or its token is unknown. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Unauthorized",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "Invalid or missing token"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token type (e.g. a client or authentication token) may not call this endpoint. It must be an account, server or user token. The standin demo client token `droplit-demo-client` triggers this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Forbidden",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "This token type may not access this endpoint"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description "Environment Not Found": no environment matches `{id}`. A real server may send plain text. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "NotFound",
                     *       "errors": [
                     *         {
                     *           "in": "path",
                     *           "path": "id",
                     *           "message": "Environment Not Found"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                    /** @example Environment with id E000000000000000000000000 does not exist. */
                    "text/plain": string;
                };
            };
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The environment to act on [standin choice on resolution]. Accepted forms, tried in this order:
                 *     1. An environment id. Generated ids match `^E[0-9a-f]{24}$`.
                 *     2. A scoped alias `<ecosystemId>;<alias>`; either part may carry the optional `@` reference prefix.
                 *     3. A bare alias, `<alias>` or `@<alias>`. It resolves when exactly one environment has that alias;
                 *        if environments in several ecosystems share it, the answer is 400 "Environment Invalid" (`invalid id`).
                 *
                 *     A value that does not match the pattern gives 400 `InvalidParams` "Environment Invalid" (`invalid id`).
                 * @example E59e347bcaa0961c9631d6da1
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment was deleted. No body, as on the vendor's devices-delete page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Invalid request. The example shows the most common cause. All causes:
             *     - `InvalidParams` "Environment Invalid" (message `invalid id`): `{id}` is malformed or ambiguous.
             *     - `InvalidParams` "No Query String Allowed": the request has a query string.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "InvalidParams",
                     *       "errors": [
                     *         {
                     *           "in": "path",
                     *           "path": "id",
                     *           "message": "invalid id"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `authorization` header is missing, or its token is unknown. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Unauthorized",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "Invalid or missing token"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token type (e.g. a client or authentication token) may not call this endpoint. It must be an account, server or user token. The standin demo client token `droplit-demo-client` triggers this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "Forbidden",
                     *       "errors": [
                     *         {
                     *           "in": "header",
                     *           "path": "authorization",
                     *           "message": "This token type may not access this endpoint"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description "Environment Not Found": no environment matches `{id}`. A real server may send plain text. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errorType": "NotFound",
                     *       "errors": [
                     *         {
                     *           "in": "path",
                     *           "path": "id",
                     *           "message": "Environment Not Found"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                    /** @example Environment with id E000000000000000000000000 does not exist. */
                    "text/plain": string;
                };
            };
        };
    };
}
