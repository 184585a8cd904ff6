// The reader's account in the widget: a moderator's warning (until they acknowledge it), a ban or a suspension, and
// for a guest "Commenting as …" with a way to change the name. Text only, never markup.
import type { Api } from "./api.js";
import { el, uniqueId } from "./dom.js";
import {
  WidgetAcknowledgeWarningDocument,
  WidgetRenameDocument,
  type WidgetArticleQuery,
} from "./generated/graphql.js";
import { explain } from "./messages.js";

type Standing = NonNullable<NonNullable<WidgetArticleQuery["viewer"]>["standing"]>;

const button = (text: string, onClick: () => void) =>
  el("button", { class: "lede-c-link", text, attrs: { type: "button" }, on: { click: onClick } });

/** Fills `slot` with the reader's standing and, for a guest, their name (renaming updates `viewer`). */
export function showAccount(
  slot: HTMLElement,
  api: Api,
  viewer: { displayName: string; standing: Standing | null } | null,
  guest: boolean,
): void {
  const bar = createAccountBar(api);
  const name =
    guest && viewer ? bar.nameControl(viewer.displayName, (renamed) => (viewer.displayName = renamed)) : null;
  slot.replaceChildren(...[bar.standingNotice(viewer?.standing), name].filter((n): n is HTMLElement => n !== null));
}

function createAccountBar(api: Api) {
  const deps = { api };
  return {
    /** A moderator's warning, a ban or a suspension, as the reader should read it; null when there is none. */
    standingNotice(standing: Standing | null | undefined): HTMLElement | null {
      if (!standing) return null;
      const box = el("div", { class: "lede-c-standing", attrs: { role: "alert" } });
      if (standing.banned)
        box.append(el("p", { text: "Your account is banned: you can no longer post, react or report." }));
      else if (standing.suspendedUntil)
        box.append(
          el("p", {
            text: `Your account is suspended until ${new Date(standing.suspendedUntil).toLocaleString()}: you cannot post, react or report until then.`,
          }),
        );
      if (standing.warning) {
        const acknowledge = button("I understand", () => {
          void deps.api.request(WidgetAcknowledgeWarningDocument, {}).then(
            () => box.remove(),
            () => {},
          );
        });
        box.append(el("p", { text: `A moderator warned you: ${standing.warning}` }), acknowledge);
      }
      return box.childElementCount > 0 ? box : null;
    },

    /** "Commenting as …" with a way to change the guest name. */
    nameControl(current: string, onRenamed: (name: string) => void): HTMLElement {
      const id = uniqueId("rename");
      const line = el("p", { class: "lede-c-as" });
      const show = (name: string) =>
        line.replaceChildren(
          `Commenting as ${name} `,
          button("Change name", () => editName(name)),
        );
      const editName = (name: string) => {
        const input = el("input", { attrs: { id, maxlength: "60", value: name } });
        const form = el(
          "form",
          { class: "lede-c-form-actions", attrs: { "aria-label": "Change your name" } },
          el("label", { text: "Your name", attrs: { for: id } }),
          input,
          el("button", { text: "Save name", attrs: { type: "submit" } }),
          button("Cancel", () => show(name)),
        );
        form.addEventListener("submit", async (event) => {
          event.preventDefault();
          try {
            const { changeDisplayName } = await deps.api.request(WidgetRenameDocument, { displayName: input.value });
            onRenamed(changeDisplayName.displayName);
            show(changeDisplayName.displayName);
          } catch (error) {
            line.append(el("span", { attrs: { role: "alert" }, text: ` ${explain(error).message}` }));
          }
        });
        line.replaceChildren(form);
        input.focus();
      };
      show(current);
      return line;
    },
  };
}
