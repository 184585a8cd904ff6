// Two things GraphiQL's page does around its editors. It waits for the fonts before GraphiQL draws: the tabs were
// measured in the fallback font, then the real one made them narrower, and the tab bar's drag-to-reorder (Framer
// Motion) kept the old measures, so pressing a tab dragged it sideways, the click landed beside it and the tab
// snapped back; a second click worked. And it wraps the operation editor's long lines (the tabs' introductions were
// cut at the editor's edge), through the Monaco instance GraphiQL keeps on globalThis.__MONACO.

/** The faces GraphiQL's stylesheet uses: Roboto for the interface, Fira Code in the editors. */
const FACES = ['400 1em "Roboto"', '500 1em "Roboto"', '400 1em "Fira Code"'];
/** Past this the page is drawn anyway: a font that never loads must not keep GraphiQL away. */
const FONT_PATIENCE_MS = 3000;

export async function fontsLoaded(): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FONT_PATIENCE_MS));
  const loads = Promise.all(FACES.map((face) => document.fonts.load(face))).then(
    () => undefined,
    () => undefined,
  );
  await Promise.race([loads, timeout]);
}

interface CodeEditor {
  getContainerDomNode(): HTMLElement;
  updateOptions(options: { wordWrap: "on" }): void;
}

interface MonacoApi {
  editor: { onDidCreateEditor(listener: (editor: CodeEditor) => void): unknown; getEditors(): CodeEditor[] };
}

/** How long to look for Monaco, which GraphiQL loads after its first render. */
const MONACO_PATIENCE_MS = 60_000;

export function wrapOperationEditor(): void {
  const wrap = (editor: CodeEditor) => {
    if (editor.getContainerDomNode().closest(".graphiql-query-editor")) editor.updateOptions({ wordWrap: "on" });
  };
  const started = Date.now();
  const look = () => {
    const monaco = (globalThis as { __MONACO?: MonacoApi }).__MONACO;
    if (!monaco) {
      if (Date.now() - started < MONACO_PATIENCE_MS) setTimeout(look, 20);
      return;
    }
    monaco.editor.onDidCreateEditor((editor) => queueMicrotask(() => wrap(editor)));
    monaco.editor.getEditors().forEach(wrap);
  };
  look();
}
