/* QubitHub page helpers: same-origin JSON API calls with the session + CSRF token, confirmations,
   drag-and-drop uploads with progress, the theme picker and closing header menus. Pages work without this file;
   it only enhances them. */
(function () {
  "use strict";
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function api(method, url, body) {
    var init = { method: method, credentials: "same-origin", headers: { "X-CSRFToken": csrf(), "Accept": "application/json" } };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      return r.text().then(function (t) {
        var data = t ? JSON.parse(t) : {};
        if (!r.ok) { var e = new Error(data.detail || r.statusText); e.status = r.status; e.data = data; throw e; }
        return data;
      });
    });
  }
  /* XHR (not fetch) so that the upload reports progress. */
  function upload(url, formData, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("X-CSRFToken", csrf());
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText || "{}"); } catch (err) { data = { detail: xhr.statusText }; }
        if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, data: data });
        else reject(new Error(data.detail || ("Upload failed (" + xhr.status + ")")));
      };
      xhr.onerror = function () { reject(new Error("Network error during upload.")); };
      xhr.send(formData);
    });
  }
  /* <form data-upload="/api/..." data-field="files" data-redirect="..."> with a file input, a .dropzone,
     a <progress> and an output [data-upload-status]. */
  function enhanceUpload(form) {
    var input = form.querySelector("input[type=file]");
    var zone = form.querySelector(".dropzone");
    var bar = form.querySelector("progress");
    var status = form.querySelector("[data-upload-status]");
    var pending = [];
    function show(files) {
      pending = Array.prototype.slice.call(files);
      status.textContent = pending.length + " file(s) selected: " + pending.map(function (f) { return f.name; }).join(", ");
    }
    if (zone) {
      ["dragenter", "dragover"].forEach(function (n) { zone.addEventListener(n, function (e) { e.preventDefault(); zone.classList.add("over"); }); });
      ["dragleave", "drop"].forEach(function (n) { zone.addEventListener(n, function (e) { e.preventDefault(); zone.classList.remove("over"); }); });
      zone.addEventListener("drop", function (e) { show(e.dataTransfer.files); });
    }
    input.addEventListener("change", function () { show(input.files); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!pending.length) { status.textContent = "Choose or drop files first."; return; }
      var data = new FormData();
      var field = form.dataset.field || "files";
      pending.forEach(function (f) { data.append(field, f, f.webkitRelativePath || f.name); });
      var url = form.dataset.upload;
      var message = form.querySelector("[name=commit_message]");
      if (message && message.value) url += (url.indexOf("?") < 0 ? "?" : "&") + "commit_message=" + encodeURIComponent(message.value);
      var button = form.querySelector("button[type=submit]");
      button.disabled = true; bar.hidden = false; bar.value = 0;
      upload(url, data, function (p) { bar.value = Math.round(p * 100); status.textContent = "Uploading… " + Math.round(p * 100) + "%"; })
        .then(function (res) {
          bar.value = 100;
          var errors = (res.data.errors || []).map(function (x) { return x.filename + ": " + x.error; });
          status.textContent = errors.length ? "Uploaded with problems: " + errors.join("; ") : "Upload complete.";
          if (!errors.length && form.dataset.redirect) window.location.assign(form.dataset.redirect);
          button.disabled = false;
        })
        .catch(function (err) { status.textContent = err.message; button.disabled = false; });
    });
  }
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) e.preventDefault();
  }, true);
  /* An image that fails (e.g. a diagram the engine could not draw) becomes a short note. */
  document.addEventListener("error", function (e) {
    var img = e.target;
    if (img.tagName !== "IMG" || !img.dataset.failText) return;
    var p = document.createElement("p"); p.className = "muted"; p.textContent = img.dataset.failText;
    img.replaceWith(p);
  }, true);
  /* Theme picker: system (nothing stored), light or dark; static/js/theme.js applies it before the first paint. */
  var THEME_KEY = "qh-theme";
  function storedTheme() {
    try { return window.localStorage.getItem(THEME_KEY) || "system"; } catch (e) { return "system"; }
  }
  function applyTheme(theme) {
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
    else document.documentElement.removeAttribute("data-theme");
  }
  function enhanceThemePicker(select) {
    select.value = storedTheme();
    select.addEventListener("change", function () {
      try {
        if (select.value === "system") window.localStorage.removeItem(THEME_KEY);
        else window.localStorage.setItem(THEME_KEY, select.value);
      } catch (e) { /* storage disabled: the choice lasts for this page only */ }
      applyTheme(select.value);
    });
    window.addEventListener("storage", function (e) {
      if (e.key === THEME_KEY) { select.value = e.newValue || "system"; applyTheme(select.value); }
    });
  }
  /* <details class="menu">: Escape closes it (focus back on its summary), so does a click elsewhere, ... */
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var open = e.target.closest && e.target.closest("details.menu[open]");
    if (open) { open.open = false; open.querySelector("summary").focus(); }
  });
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(e.target)) menu.open = false;
    });
  });
  /* ... and so does moving the keyboard focus out of it (Tab past its last item). */
  document.addEventListener("focusout", function (e) {
    var menu = e.target.closest && e.target.closest("details.menu[open]");
    if (menu && e.relatedTarget && !menu.contains(e.relatedTarget)) menu.open = false;
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-upload]").forEach(enhanceUpload);
    document.querySelectorAll("select[data-theme-picker]").forEach(enhanceThemePicker);
  });
  window.QH = { csrf: csrf, api: api, upload: upload };
})();
