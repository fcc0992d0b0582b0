// The search box's first lines, on every page: the rest of it (assets/cari-mesin.js) and
// the search engine come only when someone puts the cursor in the box, so a reader who
// never searches pays for these lines alone.
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var asked = false;
  function load() {
    if (asked) return;
    asked = true;
    var script = document.createElement("script");
    script.src = new URL("cari-mesin.js", here).href;
    document.head.appendChild(script);
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.id === "cari-kata") load();
  });
  // cari/?q=…: the form's page without JavaScript, or a shared link.
  function fromAddress() {
    if (new URLSearchParams(location.search).get("q") && document.querySelector("[data-cari-halaman]")) load();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fromAddress);
  else fromAddress();
})();
