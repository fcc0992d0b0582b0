// The /admin/ form: Decap CMS with an Indonesian interface and the catalogue's own rules.
// The build writes above this `BAHASA` (Decap's phrases in Indonesian, from id.json) and
// `URUTAN` (per collection, the order of the keys inside each list's items).
// It runs before Decap's script (which would otherwise start at once, in English) and
// starts Decap when the page has loaded.
window.CMS_MANUAL_INIT = true;
window.addEventListener("DOMContentLoaded", function () {
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

  // Decap's own switch shows a missing value as off, but `available: ` is on unless the
  // file says otherwise, and files may say `ya` or `tidak`: this box reads them as the
  // validator does, and writes true or false.
  var YES = ["true", "ya", "yes", "y", "on"];
  CMS.registerWidget("centang", createClass({
    render: function () {
      var props = this.props;
      var value = props.value;
      var on = value === undefined || value === null || value === ""
        ? props.field.get("default") === true
        : typeof value === "string" ? YES.indexOf(value.trim().toLowerCase()) >= 0 : value === true;
      return h("div", { className: props.classNameWrapper }, h("input", {
        type: "checkbox",
        id: props.forID,
        checked: on,
        style: { width: "1.5rem", height: "1.5rem" },
        onChange: function () { props.onChange(!on); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      }));
    },
  }));

  // `lokasi:` is `[lintang, bujur]` in a file, or the text a map app copies; Decap's own
  // box and its pattern check would turn the list into "List [ … ]". This box shows either
  // as text, writes what is typed (the validator reads both), and checks it the same way.
  function titik(value) {
    if (value && typeof value.toJS === "function") value = value.toJS();
    return Array.isArray(value) ? value.join(", ") : value === undefined || value === null ? "" : String(value);
  }
  CMS.registerWidget("titik", createClass({
    isValid: function () {
      var text = titik(this.props.value);
      if (!text || new RegExp(this.props.field.get("pola")).test(text)) return true;
      return { error: { message: this.props.field.get("pesan") } };
    },
    render: function () {
      var props = this.props;
      return h("input", {
        type: "text",
        id: props.forID,
        className: props.classNameWrapper,
        value: titik(props.value),
        onChange: function (event) { props.onChange(event.target.value); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      });
    },
  }));

  // Phones name every photo alike (iPhones: image.jpg), and Decap replaces a photo of the
  // same name, another vendor's included: each upload gets the time it was chosen in its
  // name (`image-20261204-164501.jpg`), before Decap reads it.
  function stamped(name) {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var stamp = now.getFullYear() + two(now.getMonth() + 1) + two(now.getDate()) + "-" +
      two(now.getHours()) + two(now.getMinutes()) + two(now.getSeconds());
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) + "-" + stamp + name.slice(dot) : name + "-" + stamp;
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "file" || !input.files || !input.files.length) return;
    var renamed = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (file) {
      renamed.items.add(new File([file], stamped(file.name), { type: file.type }));
    });
    input.files = renamed.files;  // fires no second change event
  }, true);
  // And should a name still be taken, Decap asks in English whether to replace it: no.
  var ask = window.confirm.bind(window);
  window.confirm = function (message) {
    if (/ already exists\. Do you want to replace it\?$/.test(String(message))) {
      window.alert("Sudah ada foto dengan nama itu, milik usaha lain. Ganti nama berkasnya, " +
        "lalu unggah lagi.");
      return false;
    }
    return ask(message);
  };

  // Our files never hold an empty value (the validator refuses `owner: ""`): a field
  // typed in and emptied again is left out, as if it had never been filled. Except in
  // `denah`, which the form does not show: its `null`s are aisles, kept where they stand.
  function empty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (typeof value === "string") return value.trim() === "";
    return typeof value.size === "number" && value.size === 0;
  }
  function pruned(value) {
    if (value && typeof value.filter === "function" && typeof value.map === "function") {
      return value.map(function (item, key) {
        return key === "denah" ? item : pruned(item);
      }).filter(function (item) { return !empty(item); });
    }
    return value;
  }
  // Decap orders a folder's files' top-level keys as the form does, but not a single
  // file's (Pengaturan), and writes a product's in the order they were filled in:
  // reviewers read them all in the form's order (`URUTAN[collection][""]`: the top
  // level; other keys: a list's items). Keys the form does not show go last, kept.
  function sortedBy(keys) {
    return function (value, key) {
      var at = keys.indexOf(key);
      return at < 0 ? keys.length : at;
    };
  }
  function ordered(data, order) {
    Object.keys(order).forEach(function (field) {
      if (field === "") return;
      var items = data.get(field);
      if (!items || typeof items.map !== "function") return;
      data = data.set(field, items.map(function (item) {
        return item && typeof item.sortBy === "function" ? item.sortBy(sortedBy(order[field])) : item;
      }));
    });
    return order[""] ? data.sortBy(sortedBy(order[""])) : data;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var order = URUTAN[event.entry.get("collection")] || {};
      return ordered(pruned(event.entry.get("data")), order);
    },
  });

  // Decap's GitHub sign-in asks this in English (not through its phrases) before it makes
  // a volunteer's fork: the same words in Indonesian.
  var ENGLISH = {
    "Open Authoring is enabled: we need to use a fork on your github account. (If a fork already exists, we'll use that.)":
      "Anda belum menjadi anggota repositori katalog, jadi usulan Anda dikirim dari salinan " +
      "(fork) di akun GitHub Anda. Jika salinan itu sudah ada, salinan itulah yang dipakai.",
    "Fork the repo": "Buat salinan (fork)",
    "Don't fork the repo": "Jangan buat salinan",
  };
  function translate(node) {
    if (node.nodeType === 3) {
      var said = ENGLISH[node.nodeValue.trim()];
      if (said) node.nodeValue = said;
    } else if (node.nodeType === 1) {
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var text = walker.nextNode(); text; text = walker.nextNode()) translate(text);
    }
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(translate); });
  }).observe(body, { childList: true, subtree: true });

  CMS.init();
});
