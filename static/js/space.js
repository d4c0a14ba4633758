/* The space page: a CodeJar editor over the form's textarea (the form still saves without JavaScript), Run with
   the output streamed over /ws/spaces/executions/{id} (then the "recent runs" list reloads), and Visualize (the
   drawing shown as an <img>, never inlined). */
import { CodeJar } from "../vendor/codejar-4.3.0.js";

const KEYWORDS = /\b(?:and|as|assert|break|class|continue|def|del|elif|else|except|False|finally|for|from|global|if|import|in|is|lambda|None|not|or|pass|raise|return|True|try|while|with|yield|OPENQASM|include|qubit|bit|measure)\b/g;

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function highlight(editor) {
  const parts = editor.textContent.split(/(#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  editor.innerHTML = parts.map((part, i) => {
    if (i % 2) return `<span class="${part.startsWith("#") ? "com" : "str"}">${escapeHtml(part)}</span>`;
    return escapeHtml(part).replace(KEYWORDS, '<span class="kw">$&</span>').replace(/\b\d+(?:\.\d+)?\b/g, '<span class="num">$&</span>');
  }).join("");
}

const FINAL = ["success", "error", "timeout"];

function setup() {
  const root = document.getElementById("space");
  const form = document.getElementById("editor-form");
  if (!root || !form) return;
  const textarea = form.querySelector("textarea");
  const editor = document.createElement("div");
  editor.className = "editor";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  editor.setAttribute("aria-label", "Code editor");
  editor.dataset.testid = "space-editor";
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", editor);
  const jar = CodeJar(editor, highlight, { tab: "    ", addClosing: false });
  jar.updateCode(textarea.value);
  jar.onUpdate((code) => { textarea.value = code; });
  form.addEventListener("submit", () => { textarea.value = jar.toString(); });
  if (root.dataset.editable !== "1") editor.setAttribute("contenteditable", "false");

  const output = document.getElementById("run-output");
  const badge = document.getElementById("run-status");
  const base = `/api/spaces/${root.dataset.spaceId}`;
  const runButton = form.querySelector("[data-action=run]");
  const visualizeButton = form.querySelector("[data-action=visualize]");

  function status(text) {
    badge.hidden = false;
    badge.textContent = text;
    badge.className = "status status-" + ({ success: "completed", error: "failed", timeout: "failed" }[text] || "running");
  }

  function refreshExecutions() {
    const list = document.getElementById("executions");
    if (!list) return;
    fetch(list.dataset.url, { headers: { Accept: "text/html", "HX-Request": "true" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.statusText))))
      .then((html) => { list.outerHTML = html; })
      .catch(() => {});  // the list is a convenience; the streamed output above is what matters
  }

  function follow(execution) {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(`${scheme}${location.host}/ws/spaces/executions/${execution.id}`);
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "output") {
        output.textContent += message.lines.join("\n") + "\n";
        output.scrollTop = output.scrollHeight;
      } else {
        status(message.status);
        if (message.error) output.textContent += "\n" + message.error;
        if (message.saved_files && message.saved_files.length) {
          output.textContent += "\nSaved to the space: " + message.saved_files.join(", ") + " (reload the page to open them)";
        }
        if (FINAL.includes(message.status)) refreshExecutions();
      }
    };
    socket.onclose = () => { runButton.disabled = false; };
  }

  if (runButton) {
    runButton.disabled = false;
    runButton.addEventListener("click", () => {
      runButton.disabled = true;
      output.textContent = "";
      status("pending");
      const body = {
        code: jar.toString(),
        timeout: Number(document.getElementById("run-timeout").value) || 60,
        save_outputs: document.getElementById("run-save-outputs").checked,
      };
      QH.api("POST", `${base}/executions`, body)
        .then(follow)
        .catch((error) => { status("error"); output.textContent = error.message; runButton.disabled = false; });
    });
  }
  visualizeButton.disabled = false;
  visualizeButton.addEventListener("click", () => {
    const target = document.getElementById("visual");
    target.textContent = "Drawing…";
    QH.api("POST", `${base}/visualize`, { code: jar.toString(), framework: root.dataset.sdk })
      .then((result) => {
        target.textContent = "";
        if (result.status !== "success") { target.textContent = result.error || "Nothing to draw."; return; }
        const img = document.createElement("img");
        img.alt = "Circuit diagram drawn from the editor's code";
        img.src = "data:image/svg+xml;base64," + result.diagram;
        target.appendChild(img);
      })
      .catch((error) => { target.textContent = error.message; });
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
else setup();
