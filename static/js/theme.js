/* Applies the saved theme before the first paint (loaded without defer in <head>; an inline script would be
   refused by the Content-Security-Policy). "light" or "dark" in localStorage; nothing means follow the system. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = window.localStorage.getItem("qh-theme");
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (e) { /* storage disabled: follow the system */ }
})();
