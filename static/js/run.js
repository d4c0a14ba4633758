/* The live run page: the WebSocket sends the current state on connect, then each transition, and closes after a
   final state; then the result panel is fetched (server-rendered) and swapped in. No reload. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var live = document.getElementById("run-live");
    if (!live || live.dataset.terminal === "1") return;
    var badge = document.getElementById("run-status");
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var done = false;
    function setStatus(status) {
      badge.textContent = status;
      badge.className = "status status-" + status;
    }
    function showResult() {
      fetch(live.dataset.resultUrl, { credentials: "same-origin" })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          document.getElementById("run-result").innerHTML = html;
          var cancel = document.getElementById("cancel-form");
          if (cancel) cancel.remove();
          var remove = document.getElementById("delete-slot");
          if (remove) remove.hidden = false;
        });
    }
    function connect(attempt) {
      var socket = new WebSocket(scheme + location.host + "/ws/runs/" + live.dataset.runId);
      socket.onmessage = function (e) {
        var state = JSON.parse(e.data);
        setStatus(state.status);
        if (["completed", "failed", "cancelled"].indexOf(state.status) >= 0 && !done) { done = true; showResult(); }
      };
      socket.onclose = function () {
        if (!done && attempt < 5) setTimeout(function () { connect(attempt + 1); }, 1000 * (attempt + 1));
      };
    }
    connect(0);
  });
})();
