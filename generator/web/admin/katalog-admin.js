// The /admin/ form: Decap CMS with an Indonesian interface and the catalogue's own rules.
// `BAHASA` (Decap's phrases in Indonesian, from id.json) is written above this by the build.
(function () {
  var body = document.body;
  var local = ["localhost", "127.0.0.1"].indexOf(location.hostname) >= 0;
  function show(id) {
    document.getElementById(id).hidden = false;
  }
  // Without `admin:` in catalogue.yml there is no repository to sign in to; on a
  // maintainer's own computer decap-server stands in for it.
  if (body.getAttribute("data-siap") !== "ya" && !local) return show("belum-siap");
  if (!window.CMS) return show("gagal-muat");

  CMS.registerLocale("id", BAHASA);

  // Our files never hold an empty value (the validator refuses `owner: ""`): a field
  // typed in and emptied again is left out, as if it had never been filled.
  function empty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (typeof value === "string") return value.trim() === "";
    return typeof value.size === "number" && value.size === 0;
  }
  function pruned(value) {
    if (value && typeof value.filter === "function" && typeof value.map === "function") {
      return value.map(pruned).filter(function (item) { return !empty(item); });
    }
    return value;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) { return pruned(event.entry.get("data")); },
  });
  CMS.init();
})();
