/* The editorial desk on the article page: a body editor that shows each block's own
   fields, moves blocks up and down, formats paragraphs, shows the chosen photos with
   their credit, and warns before a workflow action would ignore unsaved changes. */
"use strict";
(function () {
  const $ = window.django && window.django.jQuery;
  const FIELDS_BY_KIND = {
    paragraph: ["text"],
    heading: ["text", "anchor", "level"],
    photo: ["photo"],
    quote: ["quote"],
    list: ["items"],
    embed: ["url", "text"],
  };
  const ALL_FIELDS = ["text", "anchor", "level", "photo", "quote", "items", "url"];

  function config() {
    const node = document.getElementById("desk-config");
    return node ? JSON.parse(node.textContent) : {};
  }

  function blockForms() {
    return Array.from(document.querySelectorAll("#blocks-group .inline-related"))
      .filter((form) => !form.classList.contains("empty-form") && form.id !== "blocks-empty");
  }

  function fieldRow(form, name) {
    return form.querySelector(".field-" + name);
  }

  // Read-only pages (an article the user may not change) show the kind as text.
  const KIND_BY_LABEL = {
    "Paragraph": "paragraph", "Subheading": "heading", "Photo": "photo",
    "Pull quote": "quote", "List": "list", "Embed": "embed",
  };

  function showFieldsFor(form) {
    let kind = form.querySelector("select[name$='-kind']");
    if (!kind) {
      const shown = form.querySelector(".field-kind .readonly");
      if (!shown) return;
      kind = { value: KIND_BY_LABEL[shown.textContent.trim()] };
    }
    const wanted = FIELDS_BY_KIND[kind.value] || ALL_FIELDS;
    ALL_FIELDS.forEach((name) => {
      const row = fieldRow(form, name);
      if (row) row.hidden = !wanted.includes(name);
    });
    const label = form.querySelector(".field-text label");
    if (label) label.textContent = kind.value === "embed" ? "Caption:" : kind.value === "heading" ? "Subheading:" : "Text:";
    form.querySelectorAll(".desk-toolbar").forEach((bar) => { bar.hidden = kind.value !== "paragraph"; });
  }

  function wrapSelection(textarea, before, after) {
    const start = textarea.selectionStart, end = textarea.selectionEnd;
    const value = textarea.value;
    textarea.value = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
    textarea.focus();
    textarea.selectionStart = start + before.length;
    textarea.selectionEnd = end + before.length;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function addToolbar(form) {
    const textarea = form.querySelector("textarea[name$='-text']");
    if (!textarea || form.querySelector(".desk-toolbar")) return;
    const bar = document.createElement("div");
    bar.className = "desk-toolbar";
    const buttons = [
      ["B", "Bold", () => wrapSelection(textarea, "<b>", "</b>")],
      ["I", "Italic", () => wrapSelection(textarea, "<i>", "</i>")],
      ["Link", "Link the selected words", () => {
        const url = window.prompt("Link to (https://…)");
        if (url) wrapSelection(textarea, '<a href="' + url.replace(/"/g, "&quot;") + '">', "</a>");
      }],
    ];
    buttons.forEach(([text, title, action]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.title = title;
      button.addEventListener("click", action);
      bar.appendChild(button);
    });
    const note = document.createElement("span");
    note.textContent = "Only bold, italic and links are kept.";
    bar.appendChild(note);
    textarea.after(bar);
  }

  function addMoveButtons(form) {
    const title = form.querySelector("h3");
    const readOnly = form.querySelector(".field-kind .readonly");
    if (!title || readOnly || form.querySelector(".desk-move")) return;
    const box = document.createElement("span");
    box.className = "desk-move";
    [["↑", "Move up", -1], ["↓", "Move down", 1]].forEach(([text, label, step]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.title = label;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", () => moveBlock(form, step));
      box.appendChild(button);
    });
    title.appendChild(box);
    const order = fieldRow(form, "ORDER");
    if (order) order.hidden = true;
  }

  function moveBlock(form, step) {
    const forms = blockForms();
    const index = forms.indexOf(form);
    const target = forms[index + step];
    if (!target) return;
    if (step < 0) target.before(form); else target.after(form);
    renumber();
    markDirty();
    form.scrollIntoView({ block: "nearest" });
  }

  function renumber() {
    blockForms().forEach((form, index) => {
      const order = form.querySelector("input[name$='-ORDER']");
      if (order) order.value = index + 1;
      const label = form.querySelector("h3 .inline_label");
      if (label) label.dataset.position = index + 1;
    });
  }

  function setUpBlock(form) {
    addMoveButtons(form);
    addToolbar(form);
    showFieldsFor(form);
    form.querySelectorAll("select[name$='-photo']").forEach(showPhoto);
  }

  // --- Chosen photos: thumbnail, credit line, captions, where else it is used -------------

  function showPhoto(select) {
    let box = select.closest(".form-row, .fieldBox").querySelector(".desk-photo");
    if (!box) {
      box = document.createElement("div");
      box.className = "desk-photo";
      select.closest(".form-row, .fieldBox").appendChild(box);
    }
    const id = select.value;
    const pattern = config().photoSummaryUrl;
    if (!id || !pattern) { box.hidden = true; return; }
    fetch(pattern.replace("/0/", "/" + encodeURIComponent(id) + "/"), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((photo) => {
        if (!photo) { box.hidden = true; return; }
        box.hidden = false;
        box.replaceChildren();
        if (photo.thumbnail) {
          const img = document.createElement("img");
          img.src = photo.thumbnail;
          img.alt = "";
          box.appendChild(img);
        }
        const text = document.createElement("div");
        const credit = document.createElement("strong");
        credit.textContent = photo.credit_line || "No credit!";
        text.appendChild(credit);
        photo.texts.forEach((entry) => {
          const line = document.createElement("div");
          line.textContent = entry.language + ": " + (entry.caption || "(no caption)") +
            (photo.is_decorative ? " · decorative" : " · alt: " + (entry.alt_text || "(missing)"));
          text.appendChild(line);
        });
        if (photo.used_in.length) {
          const used = document.createElement("div");
          used.className = "desk-used";
          used.textContent = "Used in: " + photo.used_in.map((a) => a.headline).join("; ");
          text.appendChild(used);
        }
        const edit = document.createElement("a");
        edit.href = photo.change_url;
        edit.target = "_blank";
        edit.textContent = "Photo details, captions and credit";
        text.appendChild(edit);
        box.appendChild(text);
      });
  }

  // --- Unsaved changes -----------------------------------------------------------------------

  // Unsaved means: the form's data differ from what the page loaded with, or a block moved.
  let moved = false;
  let loaded = null;
  function formData() {
    const form = document.getElementById("article_form");
    return form ? new URLSearchParams(new FormData(form)).toString() : "";
  }
  function markDirty() { moved = true; }
  function isDirty() { return moved || (loaded !== null && formData() !== loaded); }

  function init() {
    const articleForm = document.getElementById("article_form");
    blockForms().forEach(setUpBlock);
    renumber();
    document.querySelectorAll("select[name='lead_photo']").forEach(showPhoto);

    // Set up blocks added with "Add another body block" (setting up is idempotent, so
    // the event and the click fallback may both run).
    const setUpAll = () => { blockForms().forEach(setUpBlock); renumber(); };
    document.addEventListener("formset:added", setUpAll);
    document.addEventListener("click", (event) => {
      if (event.target.closest("#blocks-group .add-row")) window.setTimeout(setUpAll, 0);
    });
    document.addEventListener("formset:removed", renumber);
    if ($) {
      $(document).on("change", "#blocks-group select[name$='-kind']", function () {
        showFieldsFor(this.closest(".inline-related"));
      });
      $(document).on("change", "select[name$='-photo'], select[name='lead_photo']", function () {
        showPhoto(this);
      });
    }
    if (articleForm) {
      articleForm.addEventListener("submit", renumber);
      loaded = formData();
    }
    document.querySelectorAll(".desk-panel form").forEach((form) => {
      form.addEventListener("submit", (event) => {
        if (isDirty() && !window.confirm(
          "You have unsaved changes in the article. This action uses the last saved text " +
          "and your changes would be lost. Go ahead anyway?")) {
          event.preventDefault();
        }
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
