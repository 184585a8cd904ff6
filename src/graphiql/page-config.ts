// What Lede's GraphiQL page (plugins/graphiql.ts) tells its script (graphiql/boot.ts), as JSON in the page: where
// GraphQL answers, where Monaco's workers are, and GraphiQL's options (the title and the example tabs).

/** The id of the page's `<script type="application/json">` that holds the configuration. */
export const PAGE_CONFIG_ID = "lede-graphiql";

export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

export interface GraphiQLPageConfig {
  /** The GraphQL endpoint's path; WebSockets use the same path. */
  endpoint: string;
  /** Monaco's worker scripts by the label Monaco asks for. */
  workers: { editorWorkerService: string; json: string; graphql: string };
  /** Shown in the page's header: always as text. */
  title: string;
  /** The example tabs, in the order they open; a new profile opens on the first. */
  tabs: ExampleTab[];
}

/**
 * JSON that can sit inside `<script type="application/json">` as it is: `<`, `>` and `&` as \u escapes, so no text
 * in a tab can end the element (`</script>`) or open a comment, whatever it holds.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
