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
    script.onerror = function () { // no signal: ask again on the next use
      asked = false;
      script.remove();
    };
    document.head.appendChild(script);
  }
  // Enter before the rest has come: the search page, at this site's own address (the
  // form's relative action is the first page's: instant navigation keeps the header).
  document.addEventListener("submit", function (event) {
    if (window.katalogCariSiap || !event.target.matches || !event.target.matches("form.cari")) return;
    event.preventDefault();
    var words = (document.getElementById("cari-kata") || {}).value || "";
    location.href = new URL("../cari/?q=" + encodeURIComponent(words), here).href;
  });
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
