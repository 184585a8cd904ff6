// Which tab GraphiQL opens on. GraphiQL keeps the reader's tabs in localStorage ("graphiql:tabState") and, on load,
// reopens the stored tab whose query, variables and headers equal the "initial" ones it is given; when none equals
// them it appends a new tab with them. Yoga gives it the URL's ?query= or nothing, and GraphiQL then falls back to
// the last text its editor saved, which is missing until the reader types: the reload opened an empty "<untitled>"
// tab. So the initial values given here are those of the tab the reader had open (or of the tab a ?query= link
// names): the reload lands on it, and a new profile opens on the first example.
import type { ExampleTab } from "./page-config.js";

export interface StoredTab {
  query: string | null;
  variables: string | null;
  headers: string | null;
}

/** GraphiQL's initial values, as props of YogaGraphiQL. */
export interface InitialTab {
  initialQuery?: string;
  initialVariables?: string;
  initialHeaders?: string;
  /** Only for a ?query= link on a profile with no stored tabs: that query first, then the examples. */
  defaultTabs?: ExampleTab[];
}

const nullableString = (value: unknown) => value === null || typeof value === "string";

/** GraphiQL's stored tabs, checked as GraphiQL checks them before it uses them (else it opens the examples). */
export function storedTabs(stored: string | null): { tabs: StoredTab[]; activeTabIndex: number } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored ?? "");
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const { tabs, activeTabIndex } = parsed as { tabs?: unknown; activeTabIndex?: unknown };
  if (typeof activeTabIndex !== "number" || !Array.isArray(tabs)) return null;
  const valid = tabs.every((tab: Record<string, unknown> | null) => {
    if (!tab || typeof tab !== "object") return false;
    const { id, title, query, variables, headers, operationName, response } = tab;
    return (
      typeof id === "string" &&
      typeof title === "string" &&
      [query, variables, headers, operationName, response].every(nullableString)
    );
  });
  return valid && tabs.length > 0 ? { tabs: tabs as StoredTab[], activeTabIndex } : null;
}

function initialOf(tab: StoredTab): InitialTab {
  return { initialQuery: tab.query ?? "", initialVariables: tab.variables ?? "", initialHeaders: tab.headers ?? "" };
}

export function reopenTab(stored: string | null, linkedQuery: string | null, examples: ExampleTab[]): InitialTab {
  const state = storedTabs(stored);
  if (!state)
    return linkedQuery ? { initialQuery: linkedQuery, defaultTabs: [{ query: linkedQuery }, ...examples] } : {};
  const active = state.tabs[state.activeTabIndex] ?? state.tabs[0]!;
  if (!linkedQuery) return initialOf(active);
  const linked = active.query === linkedQuery ? active : state.tabs.find((tab) => tab.query === linkedQuery);
  // A link to a query none of the tabs holds: GraphiQL appends it as a new tab, with empty variables and headers.
  return linked ? initialOf(linked) : { initialQuery: linkedQuery, initialVariables: "", initialHeaders: "" };
}
