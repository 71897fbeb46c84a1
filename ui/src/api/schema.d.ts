// Generated from the Worker's /openapi.json by `npm run api:types` (scripts/api-types.ts). Do not edit.
export interface paths {
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Who the presented credential is: its key id and role. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller's principal. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Exchange the bearer API key for a session cookie (HttpOnly, SameSite=Strict) for the dashboard. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed in; the cookie is set. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** @description Sign out: the session ends on the server and the cookie is cleared. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of sources, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Source"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SourceInput"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Source"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Source"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SourcePatch"];
                };
            };
            responses: {
                /** @description Updated. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Source"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of destinations, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Destination"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DestinationInput"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/destinations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DestinationPatch"];
                };
            };
            responses: {
                /** @description Updated. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/destinations/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Hold new and waiting events as `paused`; ingest goes on. */
        post: {
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
                /** @description The updated object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/destinations/{id}/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Release held events in order of arrival, at the destination's pace. */
        post: {
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
                /** @description The updated object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    source_id?: string;
                    destination_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of connections, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Connection"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConnectionInput"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConnectionPatch"];
                };
            };
            responses: {
                /** @description Updated. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/connections/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Hold new and waiting events as `paused`; ingest goes on. */
        post: {
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
                /** @description The updated object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/connections/{id}/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Release held events in order of arrival, at the destination's pace. */
        post: {
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
                /** @description The updated object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/filters/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Whether a filter matches a stored request. Problems in the filter are a 400 naming each (`filter.body.amount.$gte`). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FilterTest"];
                };
            };
            responses: {
                /** @description Whether the request passes the filter. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FilterTestResult"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Search requests, newest first. Besides the parameters below, `body.<path>=<value>` matches a field of the body (`?body.data.object.id=pi_123`) and `headers.<name>=<value>` a header. A page may hold fewer than `limit` requests while `next_cursor` is set: follow it to search further (docs/observability.md). */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    created_after?: string;
                    created_before?: string;
                    /** @description Text the body contains, case-sensitive, as UTF-8 (bodies over 1 MB are not searched). */
                    body_contains?: string;
                    /** @description The provider's own id for the webhook: Stripe's event id, `x-github-delivery`, `x-shopify-webhook-id`, `webhook-id`, … */
                    provider_event_id?: string;
                    source_id?: string;
                    verified?: "true" | "false";
                    /** @description A rejection cause, `none` (accepted) or `any` (rejected). */
                    rejection?: ("verification_failed" | "method_not_allowed" | "payload_too_large" | "source_disabled") | "none" | "any";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RequestSummary"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The request, with its body. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Request"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Search events, newest first. Besides the parameters below, `body.<path>=<value>` matches a field of the request body (`?body.data.object.id=pi_123`) and `headers.<name>=<value>` a request header. Text filters look at the request as received. A page may hold fewer than `limit` events while `next_cursor` is set: follow it to search further (docs/observability.md). */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    created_after?: string;
                    created_before?: string;
                    /** @description Text the body contains, case-sensitive, as UTF-8 (bodies over 1 MB are not searched). */
                    body_contains?: string;
                    /** @description The provider's own id for the webhook: Stripe's event id, `x-github-delivery`, `x-shopify-webhook-id`, `webhook-id`, … */
                    provider_event_id?: string;
                    status?: "scheduled" | "paused" | "successful" | "failed" | "cancelled";
                    source_id?: string;
                    connection_id?: string;
                    destination_id?: string;
                    request_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Event"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/events/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The event's attempts, first to last. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Attempt"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/transformations/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransformationRun"];
                };
            };
            responses: {
                /** @description The transformed request and the console output. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TransformationRunResult"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/transformations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of transformations, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Transformation"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransformationInput"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transformation"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/transformations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transformation"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransformationPatch"];
                };
            };
            responses: {
                /** @description Updated. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transformation"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/events/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Queue a new attempt now (trigger `manual`), whatever the event's status; the destination's pacing still applies. A success makes the event `successful`; a failure starts no new retry schedule. */
        post: {
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
                /** @description The attempt is queued; the event as it was. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description A `scheduled` or `paused` event stops for good. Final events and events with an attempt in flight are a 409. */
        post: {
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
                /** @description The cancelled event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Route the stored request again through today's rules, for the connections that have no event for it yet (after fixing a filter or a transformation that ignored it). Rejected requests are a 409. */
        post: {
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
                /** @description What this routing created and ignored. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestRetry"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    status?: "running" | "completed" | "cancelled" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of replays, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Replay"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** @description Start a bulk replay, or answer the one already running for the same query (200). With `dry_run`, count only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplayInput"];
                };
            };
            responses: {
                /** @description The job already running for this query, or the dry run's count. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Replay"] | components["schemas"]["ReplayDryRun"];
                    };
                };
                /** @description The job started. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Replay"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The replay, with live progress while it runs. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Replay"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/replays/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Stop a running replay: nothing more is sent, and items already queued are dropped. Attempts already made stand. */
        post: {
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
                /** @description The cancelled replay. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Replay"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    connection_id?: string;
                    destination_id?: string;
                    status?: "open" | "acknowledged" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of issues, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Issue"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/issues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The issue. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Issue"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Acknowledge or resolve an issue. Resolving notifies every channel, as an automatic resolution does. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IssuePatch"];
                };
            };
            responses: {
                /** @description The updated issue. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Issue"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/notification-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    type?: "slack" | "pagerduty" | "webhook" | "opsgenie" | "teams";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notification channels, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["NotificationChannel"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NotificationChannelInput"];
                };
            };
            responses: {
                /** @description Created. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationChannel"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/notification-channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The object. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationChannel"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NotificationChannelPatch"];
                };
            };
            responses: {
                /** @description Updated. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationChannel"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/events/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The event's lifecycle in time order: arrival of its request, verification, each rule's outcome, each attempt with its answer, and its status now. */
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
                /** @description The trace, oldest step first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Trace"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/requests/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The request's lifecycle in time order: arrival, verification or rejection, each connection's rules, and every event it led to with its attempts and status. */
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
                /** @description The trace, oldest step first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Trace"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Traffic and delivery figures per source, connection and destination over a window ending now. */
        get: {
            parameters: {
                query?: {
                    /** @description How far back to count: `<n>m`, `<n>h`, `<n>d` or an ISO-8601 duration (`PT1H`), 1 minute to 30 days. */
                    window?: string;
                    /** @description Length of each time bucket: 1m for windows up to 6 hours, 5m up to 1 day, 1h up to 7 days, 1d up to 30. Default: 1m up to 2 hours, 5m up to a day, 1h up to 7 days, else 1d. */
                    granularity?: "1m" | "5m" | "1h" | "1d";
                    /** @description Only this source's traffic. */
                    source_id?: string;
                    /** @description Only this connection's traffic (requests: its source's). */
                    connection_id?: string;
                    /** @description Only this destination's traffic (requests: the sources that feed it). */
                    destination_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures; an object appears when it had traffic in the window or has events waiting. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Metrics"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/metrics/prometheus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The same counters and histograms, lifetime totals, in the Prometheus text exposition format (docs/observability.md § Prometheus). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format 0.0.4. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    role?: "admin" | "read" | "publish";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of API keys, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyInput"];
                };
            };
            responses: {
                /** @description Created; `key` is shown only here. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                /** @description The key (never the key itself). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Stops the key: at once in this isolate, within 5 seconds in every other. Revoking a revoked key changes nothing. */
        post: {
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
                /** @description The revoked key. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1 to 250. */
                    limit?: number;
                    /** @description `next_cursor` from the previous page. */
                    cursor?: string;
                    created_after?: string;
                    created_before?: string;
                    key_id?: string;
                    object_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of entries, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AuditEntry"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: one entry in `errors` per problem. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not use this route (`x-role` names who may). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No object with this id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with an existing object. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
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
        Session: {
            /** @description The API key the session was opened with (`admin_token` for the bootstrap token). */
            key_id: string;
            /** @enum {string} */
            role: "admin" | "read" | "publish";
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        Source: {
            id: string;
            name: string;
            /** @description The ingest URL to give the provider. */
            url: string;
            allowed_methods: string[];
            /** @description Secrets are masked. */
            verification: {
                [key: string]: unknown;
            } | null;
            response: {
                status: number;
                /** @default application/json */
                content_type: string;
                body: string;
            } | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            disabled_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        SourceInput: {
            name: string;
            /**
             * @default [
             *       "POST"
             *     ]
             */
            allowed_methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[];
            /** @default null */
            verification: {
                /** @enum {string} */
                type: "stripe";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "github";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "gitlab";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "shopify";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "slack";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "twilio";
                secret?: string;
                secrets?: string[];
                /** Format: uri */
                public_url?: string;
            } | {
                /** @enum {string} */
                type: "standard_webhooks";
                secret?: string;
                secrets?: string[];
                public_key?: string;
                public_keys?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "svix";
                secret?: string;
                secrets?: string[];
                public_key?: string;
                public_keys?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "paddle";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "linear";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "zoom";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "meta";
                secret?: string;
                secrets?: string[];
                verify_token: string;
            } | {
                /** @enum {string} */
                type: "twitter";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "msgraph";
                client_state?: string;
            } | {
                /** @enum {string} */
                type: "square";
                secret?: string;
                secrets?: string[];
                /** Format: uri */
                public_url?: string;
            } | {
                /** @enum {string} */
                type: "hubspot";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
                /** Format: uri */
                public_url?: string;
            } | {
                /** @enum {string} */
                type: "intercom";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "mailgun";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "sendgrid";
                public_key?: string;
                public_keys?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "postmark";
                username: string;
                password: string;
            } | {
                /** @enum {string} */
                type: "typeform";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "calendly";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "bitbucket";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "hmac";
                secret?: string;
                secrets?: string[];
                /**
                 * @default sha256
                 * @enum {string}
                 */
                algorithm: "sha1" | "sha256" | "sha512";
                /**
                 * @default hex
                 * @enum {string}
                 */
                encoding: "hex" | "base64";
                header: string;
                prefix?: string;
                /** @default {body} */
                template: string;
                timestamp_header?: string;
                /**
                 * @default s
                 * @enum {string}
                 */
                timestamp_unit: "s" | "ms";
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "basic";
                username: string;
                password: string;
            } | {
                /** @enum {string} */
                type: "bearer";
                token: string;
            } | {
                /** @enum {string} */
                type: "api_key";
                key: string;
                header?: string;
                query?: string;
            } | {
                /** @enum {string} */
                type: "none";
            } | null;
            /** @default null */
            response: {
                status: number;
                /** @default application/json */
                content_type: string;
                body: string;
            } | null;
            /** @default false */
            disabled: boolean;
        };
        SourcePatch: {
            name?: string;
            allowed_methods?: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[];
            verification?: {
                /** @enum {string} */
                type: "stripe";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "github";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "gitlab";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "shopify";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "slack";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "twilio";
                secret?: string;
                secrets?: string[];
                /** Format: uri */
                public_url?: string;
            } | {
                /** @enum {string} */
                type: "standard_webhooks";
                secret?: string;
                secrets?: string[];
                public_key?: string;
                public_keys?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "svix";
                secret?: string;
                secrets?: string[];
                public_key?: string;
                public_keys?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "paddle";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "linear";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "zoom";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "meta";
                secret?: string;
                secrets?: string[];
                verify_token: string;
            } | {
                /** @enum {string} */
                type: "twitter";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "msgraph";
                client_state?: string;
            } | {
                /** @enum {string} */
                type: "square";
                secret?: string;
                secrets?: string[];
                /** Format: uri */
                public_url?: string;
            } | {
                /** @enum {string} */
                type: "hubspot";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
                /** Format: uri */
                public_url?: string;
            } | {
                /** @enum {string} */
                type: "intercom";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "mailgun";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "sendgrid";
                public_key?: string;
                public_keys?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "postmark";
                username: string;
                password: string;
            } | {
                /** @enum {string} */
                type: "typeform";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "calendly";
                secret?: string;
                secrets?: string[];
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "bitbucket";
                secret?: string;
                secrets?: string[];
            } | {
                /** @enum {string} */
                type: "hmac";
                secret?: string;
                secrets?: string[];
                /**
                 * @default sha256
                 * @enum {string}
                 */
                algorithm: "sha1" | "sha256" | "sha512";
                /**
                 * @default hex
                 * @enum {string}
                 */
                encoding: "hex" | "base64";
                header: string;
                prefix?: string;
                /** @default {body} */
                template: string;
                timestamp_header?: string;
                /**
                 * @default s
                 * @enum {string}
                 */
                timestamp_unit: "s" | "ms";
                /** @default 300 */
                tolerance_s: number;
            } | {
                /** @enum {string} */
                type: "basic";
                username: string;
                password: string;
            } | {
                /** @enum {string} */
                type: "bearer";
                token: string;
            } | {
                /** @enum {string} */
                type: "api_key";
                key: string;
                header?: string;
                query?: string;
            } | {
                /** @enum {string} */
                type: "none";
            } | null;
            response?: {
                status: number;
                /** @default application/json */
                content_type: string;
                body: string;
            } | null;
            disabled?: boolean;
        };
        Destination: {
            id: string;
            name: string;
            url: string;
            http_method: string;
            headers: {
                [key: string]: string;
            };
            /** @description Secrets are masked. */
            auth: {
                [key: string]: unknown;
            } | null;
            /** @description Secrets are masked. */
            signing: {
                /** @enum {string} */
                type: "standard_webhooks";
                secrets: string[];
            } | null;
            rate_limit: {
                limit: number;
                /** @enum {string} */
                period: "second" | "minute" | "hour";
            } | null;
            max_concurrency: number | null;
            /** @enum {string} */
            delivery_order: "any" | "fifo";
            timeout_ms: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            paused_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        DestinationInput: {
            name: string;
            url: string;
            /**
             * @default POST
             * @enum {string}
             */
            http_method: "POST" | "PUT" | "PATCH" | "GET" | "DELETE";
            /** @default {} */
            headers: {
                [key: string]: string;
            };
            /** @default null */
            auth: {
                /** @enum {string} */
                type: "bearer";
                token: string;
            } | {
                /** @enum {string} */
                type: "basic";
                username: string;
                password: string;
            } | {
                /** @enum {string} */
                type: "api_key";
                key: string;
                header?: string;
                query?: string;
            } | {
                /** @enum {string} */
                type: "custom_header";
                name: string;
                value: string;
            } | null;
            /** @default null */
            signing: {
                /** @enum {string} */
                type: "standard_webhooks";
                secrets: string[];
            } | null;
            /** @default null */
            rate_limit: {
                limit: number;
                /** @enum {string} */
                period: "second" | "minute" | "hour";
            } | null;
            /** @default null */
            max_concurrency: number | null;
            /**
             * @default any
             * @enum {string}
             */
            delivery_order: "any" | "fifo";
            /** @default 30000 */
            timeout_ms: number;
        };
        DestinationPatch: {
            name?: string;
            url?: string;
            /** @enum {string} */
            http_method?: "POST" | "PUT" | "PATCH" | "GET" | "DELETE";
            headers?: {
                [key: string]: string;
            };
            auth?: {
                /** @enum {string} */
                type: "bearer";
                token: string;
            } | {
                /** @enum {string} */
                type: "basic";
                username: string;
                password: string;
            } | {
                /** @enum {string} */
                type: "api_key";
                key: string;
                header?: string;
                query?: string;
            } | {
                /** @enum {string} */
                type: "custom_header";
                name: string;
                value: string;
            } | null;
            signing?: {
                /** @enum {string} */
                type: "standard_webhooks";
                secrets: string[];
            } | null;
            rate_limit?: {
                limit: number;
                /** @enum {string} */
                period: "second" | "minute" | "hour";
            } | null;
            max_concurrency?: number | null;
            /** @enum {string} */
            delivery_order?: "any" | "fifo";
            timeout_ms?: number;
        };
        Connection: {
            id: string;
            name: string;
            source_id: string;
            destination_id: string;
            rules: {
                [key: string]: unknown;
            }[];
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            paused_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            disabled_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        ConnectionInput: {
            name: string;
            source_id: string;
            destination_id: string;
            /**
             * @description Rules: filter, deduplicate, transform (run in that order), delay and retry.
             * @default []
             */
            rules: ({
                /** @enum {string} */
                type: "filter";
                body?: unknown;
                headers?: unknown;
                query?: unknown;
                path?: unknown;
            } | {
                /** @enum {string} */
                type: "deduplicate";
                window_ms: number;
                include_fields?: string[];
                exclude_fields?: string[];
            } | {
                /** @enum {string} */
                type: "transform";
                transformation_id: string;
            } | {
                /** @enum {string} */
                type: "delay";
                delay_ms: number;
            } | {
                /** @enum {string} */
                type: "retry";
                /** @enum {string} */
                strategy: "linear" | "exponential";
                count: number;
                interval_ms: number;
                response_status_codes?: string[];
            })[];
            /** @default false */
            disabled: boolean;
        };
        ConnectionPatch: {
            name?: string;
            destination_id?: string;
            /** @description Rules: filter, deduplicate, transform (run in that order), delay and retry. */
            rules?: ({
                /** @enum {string} */
                type: "filter";
                body?: unknown;
                headers?: unknown;
                query?: unknown;
                path?: unknown;
            } | {
                /** @enum {string} */
                type: "deduplicate";
                window_ms: number;
                include_fields?: string[];
                exclude_fields?: string[];
            } | {
                /** @enum {string} */
                type: "transform";
                transformation_id: string;
            } | {
                /** @enum {string} */
                type: "delay";
                delay_ms: number;
            } | {
                /** @enum {string} */
                type: "retry";
                /** @enum {string} */
                strategy: "linear" | "exponential";
                count: number;
                interval_ms: number;
                response_status_codes?: string[];
            })[];
            disabled?: boolean;
        };
        FilterTestResult: {
            matched: boolean;
        };
        FilterTest: {
            /** @description A filter rule's parts: `body`, `headers`, `query`, `path` (spec §4). */
            filter: {
                body?: unknown;
                headers?: unknown;
                query?: unknown;
                path?: unknown;
            };
            request_id: string;
        };
        RequestSummary: {
            id: string;
            source_id: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            received_at: string;
            method: string;
            path: string;
            query: string;
            headers: {
                [key: string]: string;
            };
            body_size: number;
            verified: boolean;
            /** @enum {string|null} */
            rejection: "verification_failed" | "method_not_allowed" | "payload_too_large" | "source_disabled" | null;
            /** @description Why it was rejected, for the operator. */
            rejection_detail: string | null;
            events_count: number;
            ignored: {
                connection_id: string;
                cause: string;
                detail?: string;
            }[];
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            routed_at: string | null;
        };
        Request: components["schemas"]["RequestSummary"] & {
            body: string;
            /** @enum {string} */
            body_encoding: "utf8" | "base64";
            /** @description True when only a prefix of the body was kept (a rejected request keeps its first 64 KiB; body_size is the size received). */
            body_truncated: boolean;
        };
        Event: {
            id: string;
            request_id: string;
            connection_id: string;
            source_id: string;
            destination_id: string;
            /** @enum {string} */
            status: "scheduled" | "paused" | "successful" | "failed" | "cancelled";
            attempts_count: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            next_attempt_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            last_attempt_at: string | null;
            last_response_status: number | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        Attempt: {
            id: string;
            event_id: string;
            number: number;
            /** @enum {string} */
            trigger: "initial" | "automatic" | "manual" | "bulk_retry" | "unpause";
            url: string;
            status_code: number | null;
            /** @description timeout, connection_refused, connection_lost, dns, tls, too_many_redirects, blocked_address (a hop the address guard refused) or network; interrupted (the worker died mid-attempt) or dead_lettered (the queue gave up on its message). */
            error: string | null;
            error_detail: string | null;
            response_headers: {
                [key: string]: string;
            };
            /** @description The first 2 KB of the answer. */
            response_body: string | null;
            duration_ms: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            started_at: string;
        };
        TransformationRunResult: {
            request: {
                body: unknown;
                /** @default {} */
                headers: {
                    [key: string]: string;
                };
                /** @default  */
                query: string;
                /** @default / */
                path: string;
                /** @default POST */
                method: string;
            };
            console: {
                level: string;
                message: string;
            }[];
        };
        TransformationRun: {
            code: string;
            request: {
                body?: unknown;
                /** @default {} */
                headers: {
                    [key: string]: string;
                };
                /** @default  */
                query: string;
                /** @default / */
                path: string;
                /** @default POST */
                method: string;
            };
            /** @default {} */
            env: {
                [key: string]: string;
            };
        };
        Transformation: {
            id: string;
            name: string;
            code: string;
            /** @description Values are masked. */
            env: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        TransformationInput: {
            name: string;
            code: string;
            /** @default {} */
            env: {
                [key: string]: string;
            };
        };
        TransformationPatch: {
            name?: string;
            code?: string;
            env?: {
                [key: string]: string;
            };
        };
        RequestRetry: {
            request_id: string;
            /** @description Events created by this routing, one per connection that had none and whose rules passed. */
            events: {
                id: string;
                connection_id: string;
                destination_id: string;
            }[];
            /** @description Connections evaluated this time whose rules turned the request away. */
            ignored: {
                connection_id: string;
                cause: string;
                detail?: string;
            }[];
        };
        Replay: {
            id: string;
            /**
             * @description `events`: deliver the selected events again (attempt trigger `bulk_retry`). `requests`: route the selected requests again through today's rules.
             * @enum {string}
             */
            kind: "events" | "requests";
            query: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "running" | "completed" | "cancelled" | "failed";
            /** @description How many items the query selected when the job started. */
            total: number;
            /** @description Items replayed so far: delivery attempted (or handed to the destination's pacer), or request routed. */
            processed: number;
            /** @description Items that could not be replayed: their queue message was dead-lettered or never taken. */
            failed: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            completed_at: string | null;
        };
        ReplayDryRun: {
            /** @enum {boolean} */
            dry_run: true;
            /**
             * @description `events`: deliver the selected events again (attempt trigger `bulk_retry`). `requests`: route the selected requests again through today's rules.
             * @enum {string}
             */
            kind: "events" | "requests";
            query: {
                [key: string]: unknown;
            };
            total: number;
        };
        ReplayInput: {
            /** @enum {string} */
            kind: "events";
            query: components["schemas"]["EventReplayQuery"];
            /**
             * @description Count what the query selects; start nothing.
             * @default false
             */
            dry_run: boolean;
        } | {
            /** @enum {string} */
            kind: "requests";
            query: components["schemas"]["RequestReplayQuery"];
            /**
             * @description Count what the query selects; start nothing.
             * @default false
             */
            dry_run: boolean;
        };
        EventReplayQuery: {
            /** @enum {string} */
            status?: "scheduled" | "paused" | "successful" | "failed" | "cancelled";
            source_id?: string;
            connection_id?: string;
            destination_id?: string;
            /**
             * Format: date-time
             * @description Only objects created at or after this instant.
             * @example 2026-11-23T10:00:00.000Z
             */
            created_after?: string;
            /**
             * Format: date-time
             * @description Only objects created before this instant.
             * @example 2026-11-23T10:00:00.000Z
             */
            created_before?: string;
        };
        RequestReplayQuery: {
            source_id?: string;
            verified?: boolean;
            /**
             * Format: date-time
             * @description Only objects created at or after this instant.
             * @example 2026-11-23T10:00:00.000Z
             */
            created_after?: string;
            /**
             * Format: date-time
             * @description Only objects created before this instant.
             * @example 2026-11-23T10:00:00.000Z
             */
            created_before?: string;
        };
        Issue: {
            id: string;
            connection_id: string;
            destination_id: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved";
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            first_seen_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            last_seen_at: string;
            /** @description Failed attempts counted on this issue, including those that opened it. */
            failures: number;
            last_attempt_id: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            acknowledged_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            resolved_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        IssuePatch: {
            /**
             * @description `acknowledged`, `resolved`, or `open` to take an acknowledgement back. A resolved issue stays resolved.
             * @enum {string}
             */
            status: "open" | "acknowledged" | "resolved";
        };
        NotificationChannel: {
            id: string;
            /** @enum {string} */
            type: "slack" | "pagerduty" | "webhook" | "opsgenie" | "teams";
            /** @description Masked for Slack and Teams: their incoming-webhook URL is a credential. */
            url: string;
            /** @description PagerDuty only; masked. */
            routing_key: string | null;
            /** @description OpsGenie only; masked. */
            api_key: string | null;
            /** @description Webhook only; masked. */
            secret: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            updated_at: string;
        };
        NotificationChannelInput: {
            /** @enum {string} */
            type: "slack";
            url: string;
        } | {
            /** @enum {string} */
            type: "pagerduty";
            routing_key: string;
            /** @default https://events.pagerduty.com/v2/enqueue */
            url: string;
        } | {
            /** @enum {string} */
            type: "webhook";
            url: string;
            secret: string;
        } | {
            /** @enum {string} */
            type: "opsgenie";
            api_key: string;
            /** @default https://api.opsgenie.com */
            url: string;
        } | {
            /** @enum {string} */
            type: "teams";
            url: string;
        };
        NotificationChannelPatch: {
            url?: string;
            routing_key?: string;
            secret?: string;
            api_key?: string;
        };
        Trace: {
            data: components["schemas"]["TraceEntry"][];
        };
        TraceEntry: {
            /** @enum {string} */
            type: "received";
            /** Format: date-time */
            at: string;
            request_id: string;
            source_id: string;
            method: string;
            path: string;
            query: string;
            /** @description As received, credentials masked. */
            headers: {
                [key: string]: string;
            };
            body_size: number;
            provider_event_id: string | null;
        } | {
            /** @enum {string} */
            type: "verified";
            /** Format: date-time */
            at: string;
            request_id: string;
            /** @description The source's verification type when the request arrived; null: none configured. */
            verification: string | null;
            verified: boolean;
        } | {
            /** @enum {string} */
            type: "rejected";
            /** Format: date-time */
            at: string;
            request_id: string;
            rejection: string;
            detail: string | null;
        } | {
            /** @enum {string} */
            type: "rule";
            /** Format: date-time */
            at: string;
            connection_id: string;
            /** @enum {string} */
            rule: "filter" | "deduplicate" | "transform" | "delay";
            /** @enum {string} */
            result: "passed" | "filtered" | "deduplicated" | "transformed" | "transform_failed" | "delayed" | "not_recorded";
            detail?: string;
            transformation_id?: string;
            delay_ms?: number;
            before?: {
                method: string;
                path: string;
                query: string;
                /** @description Credentials masked. */
                headers: {
                    [key: string]: string;
                };
                /** @description The first 4 KB of the body (a UTF-8 character cut at the end is dropped). */
                body: string;
                /** @enum {string} */
                body_encoding: "utf8" | "base64";
                /** @description The whole body's size in bytes. */
                body_size: number;
                /** @description True when `body` is only the start of it. */
                body_truncated: boolean;
            };
            after?: {
                method: string;
                path: string;
                query: string;
                /** @description Credentials masked. */
                headers: {
                    [key: string]: string;
                };
                /** @description The first 4 KB of the body (a UTF-8 character cut at the end is dropped). */
                body: string;
                /** @enum {string} */
                body_encoding: "utf8" | "base64";
                /** @description The whole body's size in bytes. */
                body_size: number;
                /** @description True when `body` is only the start of it. */
                body_truncated: boolean;
            };
            console?: {
                level: string;
                message: string;
            }[];
        } | {
            /** @enum {string} */
            type: "event_created";
            /** Format: date-time */
            at: string;
            event_id: string;
            connection_id: string;
            destination_id: string;
        } | {
            /** @enum {string} */
            type: "attempt";
            /** Format: date-time */
            at: string;
            event_id: string;
            attempt_id: string;
            number: number;
            trigger: string;
            url: string;
            status_code: number | null;
            error: string | null;
            error_detail: string | null;
            duration_ms: number;
            response_body: string | null;
        } | {
            /** @enum {string} */
            type: "status";
            /** Format: date-time */
            at: string;
            event_id: string;
            /** @enum {string} */
            status: "scheduled" | "paused" | "successful" | "failed" | "cancelled";
            next_attempt_at: string | null;
        };
        Metrics: {
            window: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            from: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            to: string;
            /** @description The length of each bucket. */
            granularity: string;
            /** @description Always false: percentiles are computed from histograms of every attempt in the window. */
            latency_sampled: boolean;
            sources: {
                source_id: string;
                requests: {
                    total: number;
                    accepted: number;
                    rejected: number;
                };
                /** @description Events created in the window, by status now. */
                events: {
                    total: number;
                    scheduled: number;
                    paused: number;
                    successful: number;
                    failed: number;
                    cancelled: number;
                };
                /** @description Attempts started in the window, by outcome. */
                attempts: {
                    total: number;
                    successful: number;
                    failed: number;
                    /** @description Answered, but not with a 2xx. */
                    http_error: number;
                    /** @description No answer: a timeout, a refused connection, an interrupted or dead-lettered attempt. */
                    no_response: number;
                    /** @description successful / total (2xx answers over all attempts); null without attempts. */
                    success_rate: number | null;
                };
                /** @description Percentiles of the window's attempt durations (milliseconds), from a histogram: within one histogram bucket of the exact nearest-rank value (docs/observability.md). Null without timed attempts. */
                latency_ms: {
                    p50: number;
                    p95: number;
                    p99: number;
                } | null;
                /** @description Events waiting for delivery now (status scheduled), whatever the window, and how long ago the oldest was created. */
                queue: {
                    scheduled: number;
                    oldest_scheduled_age_ms: number | null;
                };
            }[];
            connections: {
                connection_id: string;
                source_id: string;
                destination_id: string;
                /** @description Events created in the window, by status now. */
                events: {
                    total: number;
                    scheduled: number;
                    paused: number;
                    successful: number;
                    failed: number;
                    cancelled: number;
                };
                /** @description Attempts started in the window, by outcome. */
                attempts: {
                    total: number;
                    successful: number;
                    failed: number;
                    /** @description Answered, but not with a 2xx. */
                    http_error: number;
                    /** @description No answer: a timeout, a refused connection, an interrupted or dead-lettered attempt. */
                    no_response: number;
                    /** @description successful / total (2xx answers over all attempts); null without attempts. */
                    success_rate: number | null;
                };
                /** @description Percentiles of the window's attempt durations (milliseconds), from a histogram: within one histogram bucket of the exact nearest-rank value (docs/observability.md). Null without timed attempts. */
                latency_ms: {
                    p50: number;
                    p95: number;
                    p99: number;
                } | null;
                /** @description Events waiting for delivery now (status scheduled), whatever the window, and how long ago the oldest was created. */
                queue: {
                    scheduled: number;
                    oldest_scheduled_age_ms: number | null;
                };
            }[];
            destinations: {
                destination_id: string;
                /** @description Events created in the window, by status now. */
                events: {
                    total: number;
                    scheduled: number;
                    paused: number;
                    successful: number;
                    failed: number;
                    cancelled: number;
                };
                /** @description Attempts started in the window, by outcome. */
                attempts: {
                    total: number;
                    successful: number;
                    failed: number;
                    /** @description Answered, but not with a 2xx. */
                    http_error: number;
                    /** @description No answer: a timeout, a refused connection, an interrupted or dead-lettered attempt. */
                    no_response: number;
                    /** @description successful / total (2xx answers over all attempts); null without attempts. */
                    success_rate: number | null;
                };
                /** @description Percentiles of the window's attempt durations (milliseconds), from a histogram: within one histogram bucket of the exact nearest-rank value (docs/observability.md). Null without timed attempts. */
                latency_ms: {
                    p50: number;
                    p95: number;
                    p99: number;
                } | null;
                /** @description Events waiting for delivery now (status scheduled), whatever the window, and how long ago the oldest was created. */
                queue: {
                    scheduled: number;
                    oldest_scheduled_age_ms: number | null;
                };
            }[];
            /** @description The same figures per time bucket, oldest first, over everything the filter selects (narrow with source_id, connection_id or destination_id for one object's series). Every bucket from `from` to `to` is listed. */
            buckets: {
                /**
                 * Format: date-time
                 * @example 2026-11-23T10:00:00.000Z
                 */
                start: string;
                requests: {
                    total: number;
                    accepted: number;
                    rejected: number;
                };
                /** @description Events created in the window, by status now. */
                events: {
                    total: number;
                    scheduled: number;
                    paused: number;
                    successful: number;
                    failed: number;
                    cancelled: number;
                };
                /** @description Attempts started in the window, by outcome. */
                attempts: {
                    total: number;
                    successful: number;
                    failed: number;
                    /** @description Answered, but not with a 2xx. */
                    http_error: number;
                    /** @description No answer: a timeout, a refused connection, an interrupted or dead-lettered attempt. */
                    no_response: number;
                    /** @description successful / total (2xx answers over all attempts); null without attempts. */
                    success_rate: number | null;
                };
                /** @description Percentiles of the window's attempt durations (milliseconds), from a histogram: within one histogram bucket of the exact nearest-rank value (docs/observability.md). Null without timed attempts. */
                latency_ms: {
                    p50: number;
                    p95: number;
                    p99: number;
                } | null;
            }[];
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The key (egk_…). Shown this once: store it now. */
            key: string;
        };
        ApiKey: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "read" | "publish";
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description To the minute: written at most once a minute.
             * @example 2026-11-23T10:00:00.000Z
             */
            last_used_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            revoked_at: string | null;
        };
        ApiKeyInput: {
            name: string;
            /** @enum {string} */
            role: "admin" | "read" | "publish";
            /**
             * Format: date-time
             * @description When the key stops working; in the future.
             */
            expires_at?: string;
        };
        AuditEntry: {
            id: string;
            /** @description The API key's id, or admin_token for the bootstrap token. */
            key_id: string;
            method: string;
            /** @description The route's pattern, e.g. /v1/sources/{id}. */
            route: string;
            /** @description The object the route acted on, or created. */
            object_id: string | null;
            /** @description The answer's status: failed and denied attempts are entries too. */
            status: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:00:00.000Z
             */
            created_at: string;
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
