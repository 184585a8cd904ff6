// Global ids in tests, made and read with Lede's own encoder (src/global-id.ts), so that tests follow the format
// wherever it goes. A test that checks the format itself (or sends a malformed id) spells it out instead.
import { decodeGlobalId, encodeGlobalId } from "../../src/global-id.js";

/** The id the API gives row `id` of `typename`. */
export function globalId(typename: string, id: string | number): string {
  return encodeGlobalId(typename, id);
}

/** The type and the row id behind a global id (the schema must be loaded: it registers the Node types). */
export function typeAndRowId(id: string): { typename: string; id: string } {
  return decodeGlobalId(id);
}

/** The row id behind a global id. */
export function rowId(id: string): string {
  return decodeGlobalId(id).id;
}
