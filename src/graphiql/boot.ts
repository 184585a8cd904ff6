// The script of Lede's GraphiQL page (plugins/graphiql.ts), loaded before Yoga's GraphiQL bundle: it tells Monaco
// where its workers are (files of Lede's, not blobs of a 9 MB page), then, once the page is parsed and the fonts are
// in, renders GraphiQL with Lede's example tabs, on the tab the reader had open (reopen.ts), with a fetcher that
// shows Lede's own answers (fetcher.ts), and its operation editor wrapping long lines (editor.ts).
import { fontsLoaded, wrapOperationEditor } from "./editor.js";
import { createLedeFetcher } from "./fetcher.js";
import { PAGE_CONFIG_ID, type GraphiQLPageConfig } from "./page-config.js";
import { reopenTab } from "./reopen.js";

declare global {
  interface Window {
    MonacoEnvironment?: { globalAPI: boolean; getWorkerUrl(moduleId: string, label: string): string };
    YogaGraphiQL?: { renderYogaGraphiQL(element: Element, options: Record<string, unknown>): void };
  }
}

/** Where GraphiQL keeps its tabs (its storage prefix and key). */
const TAB_STATE_KEY = "graphiql:tabState";

const config = JSON.parse(document.getElementById(PAGE_CONFIG_ID)!.textContent!) as GraphiQLPageConfig;

window.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => config.workers[label as "json" | "graphql"] ?? config.workers.editorWorkerService,
};

function storedTabState(): string | null {
  try {
    return localStorage.getItem(TAB_STATE_KEY);
  } catch {
    return null; // storage refused (a private window's policy): GraphiQL starts from the examples
  }
}

async function start(): Promise<void> {
  await fontsLoaded();
  wrapOperationEditor();
  const linkedQuery = new URL(location.href).searchParams.get("query");
  window.YogaGraphiQL!.renderYogaGraphiQL(document.getElementById("root")!, {
    // As an array, not a string: Yoga would set a string title as HTML.
    title: [config.title],
    // A new tab (+) starts as a copy of the first example, as before.
    defaultQuery: config.tabs[0]?.query,
    defaultTabs: config.tabs,
    ...reopenTab(storedTabState(), linkedQuery, config.tabs),
    fetcher: createLedeFetcher(new URL(config.endpoint, location.href).toString()),
  });
}

document.addEventListener("DOMContentLoaded", () => void start());
