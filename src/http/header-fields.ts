import { z } from "zod";

// What the runtime accepts in an HTTP header, checked where settings are saved: a name or value it
// would refuse (`Headers.set` throws on CR, LF, NUL and on characters beyond Latin-1) must be a 400
// naming the field when it is saved, not a failure of every request that later uses it.

/** A header name: an RFC 9110 token. */
export const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "not a valid HTTP header name");

/** A header value: visible Latin-1 characters, spaces and tabs; no CR, LF, NUL or other control characters. */
export const HEADER_VALUE_PROBLEM = "CR, LF, NUL, other control characters and characters beyond Latin-1 are not allowed in a header value";
export const headerValue = z.string().regex(/^[\t\x20-\x7e\x80-\xff]*$/, HEADER_VALUE_PROBLEM);
