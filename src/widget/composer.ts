// The form a reader writes in (a new comment, or a reply): labelled fields, Ctrl/Cmd+Enter to post, Escape to
// cancel a reply, and a status line that screen readers hear.
import { el, uniqueId } from "./dom.js";

export interface ComposerOptions {
  label: string;
  submitLabel: string;
  /** Ask for a display name (a guest who has not posted yet). */
  askName: () => boolean;
  submit(body: string, displayName: string): Promise<void>;
  cancel?: () => void;
}

export interface Composer {
  form: HTMLFormElement;
  focus(): void;
  message(text: string, kind?: "info" | "error"): void;
  refresh(): void;
}

export function createComposer(options: ComposerOptions): Composer {
  const bodyId = uniqueId("body");
  const nameId = uniqueId("name");
  const messageId = uniqueId("message");
  const textarea = el("textarea", {
    attrs: { id: bodyId, name: "body", required: "", maxlength: "5000", "aria-describedby": messageId },
  });
  const nameInput = el("input", {
    attrs: { id: nameId, name: "displayName", type: "text", maxlength: "60", autocomplete: "nickname" },
  });
  const nameRow = el("div", {}, el("label", { text: "Your name", attrs: { for: nameId } }), " ", nameInput);
  const submit = el("button", { text: options.submitLabel, attrs: { type: "submit" } });
  const status = el("div", {
    class: "lede-c-message",
    attrs: { id: messageId, role: "status", "aria-live": "polite" },
  });
  const cancel = options.cancel
    ? el("button", { text: "Cancel", attrs: { type: "button" }, on: { click: () => options.cancel!() } })
    : null;
  const form = el(
    "form",
    { class: "lede-c-form", attrs: { novalidate: "" } },
    nameRow,
    el("label", { text: options.label, attrs: { for: bodyId } }),
    textarea,
    el("div", { class: "lede-c-form-actions" }, submit, cancel),
    status,
  );

  const message = (text: string, kind: "info" | "error" = "info") => {
    status.dataset.kind = kind;
    status.textContent = text;
  };
  const refresh = () => {
    nameRow.hidden = !options.askName();
    nameInput.required = options.askName();
  };

  let busy = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (busy) return;
    const body = textarea.value.trim();
    const displayName = nameInput.value.trim();
    if (options.askName() && !displayName) {
      message("Please enter your name.", "error");
      nameInput.focus();
      return;
    }
    if (!body) {
      message("Please write a comment first.", "error");
      textarea.focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    message("Posting…");
    options
      .submit(body, displayName)
      .then(
        () => {
          textarea.value = "";
          refresh();
        },
        (error: Error) => {
          message(error.message, "error");
          textarea.focus();
        },
      )
      .finally(() => {
        busy = false;
        submit.disabled = false;
        form.removeAttribute("aria-busy");
      });
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    if (event.key === "Escape" && options.cancel) options.cancel();
  });

  refresh();
  return {
    form,
    focus: () => (options.askName() && !nameInput.value ? nameInput : textarea).focus(),
    message,
    refresh,
  };
}
