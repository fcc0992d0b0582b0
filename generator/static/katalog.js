// "Panen bulan ini": keep only the reader's current month visible, so a site built in May
// is still right in July. Without JavaScript every month stays listed.
function showThisMonthsHarvest() {
  var month = new Date().getMonth() + 1;
  document.querySelectorAll("h3.panen-bulan").forEach(function (heading) {
    var now = heading.id === "panen-" + month;
    heading.hidden = !now;
    var list = heading.nextElementSibling;
    if (list && list.tagName === "UL") list.hidden = !now;
  });
}
// Material's instant navigation swaps pages without reloading: listen to its page stream.
if (typeof document$ !== "undefined") document$.subscribe(showThisMonthsHarvest);
else document.addEventListener("DOMContentLoaded", showThisMonthsHarvest);

// "Buka sekarang" / "Tutup" from the opening hours, on Balikpapan's clock (WITA, UTC+8)
// whatever time zone the phone is set to.
function showOpenNow() {
  var now = new Date(Date.now() + 8 * 3600 * 1000);
  var day = now.getUTCDay() || 7;
  var minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  var toMinutes = function (hhmm) {
    var parts = hhmm.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  };
  document.querySelectorAll("span.buka[data-jam]").forEach(function (el) {
    var open = el.dataset.jam.split(";").some(function (range) {
      var parts = range.split(" "), times = parts[1].split("-");
      return parts[0].split(",").indexOf(String(day)) >= 0 &&
        minute >= toMinutes(times[0]) && minute < toMinutes(times[1]);
    });
    el.textContent = open ? "Buka sekarang" : "Tutup";
    el.className = "buka " + (open ? "buka--ya" : "buka--tidak");
  });
}
if (typeof document$ !== "undefined") document$.subscribe(showOpenNow);
else document.addEventListener("DOMContentLoaded", showOpenNow);

// Search the way people here write. Material's search has no Indonesian stemmer and no
// hook for the query, so each query on its way to the search worker gets, for every word,
// the catalogue's words that share its root or a synonym group (search/kata.json, made
// at build time with the Sastrawi stemmer and content/synonyms.yml). A guessed root is
// only used when the catalogue has it, so a rough guess never adds noise.
var katalogWords = null;
var katalogScript = document.currentScript && document.currentScript.src;
(function () {
  var here = katalogScript;
  if (!here || typeof Worker === "undefined") return;
  fetch(new URL("../search/kata.json", here))
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (words) { katalogWords = words; })
    .catch(function () {});
  var send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    // Material's query message: {type: 2, data: "the query"}
    if (katalogWords && message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = { type: 2, data: expandQuery(message.data, katalogWords) };
    }
    return send.apply(this, arguments);
  };
})();

function expandQuery(query, words) {
  return query.split(/(\s+)/).map(function (part) {
    var word = part.toLowerCase();
    if (!/^[a-z0-9]+$/.test(word)) return part; // quotes, + and - stay as typed
    var found = [part];
    guessRoots(word).forEach(function (guess) {
      if (!Object.prototype.hasOwnProperty.call(words, guess)) return;
      [guess].concat(words[guess]).forEach(function (w) {
        if (w !== word && found.indexOf(w) < 0) found.push(w);
      });
    });
    return found.join(" ");
  }).join("");
}

// Indonesian affixes, roughly: particles (-lah, -pun), possessives (-nya), suffixes
// (-an, -kan, -i) and prefixes with their sound changes (meny- for s-, mem- for p-…).
var PREFIXES = [
  [/^(di|ke|se)/, [""]], [/^(ber|ter|per|be|te|pe)/, [""]],
  [/^(me|pe)ng(?=[aiueo])/, ["", "k"]], [/^(me|pe)ng(?=[gkh])/, [""]],
  [/^(me|pe)ny(?=[aiueo])/, ["s"]], [/^(me|pe)m(?=[aiueo])/, ["p", "m"]],
  [/^(me|pe)m(?=[bpf])/, [""]], [/^(me|pe)n(?=[aiueo])/, ["t", "n"]],
  [/^(me|pe)n(?=[cdjstz])/, [""]], [/^(me|pe)(?=[lmnrwy])/, [""]],
];
function guessRoots(word) {
  var guesses = [word];
  [/(lah|kah|tah|pun)$/, /(nya|ku|mu)$/, /(kan|an|i)$/].forEach(function (suffix) {
    guesses.slice().forEach(function (w) {
      var cut = w.replace(suffix, "");
      if (cut !== w && cut.length >= 3) guesses.push(cut);
    });
  });
  for (var round = 0; round < 2; round++) { // memper-, diper-: two prefixes
    guesses.slice().forEach(function (w) {
      PREFIXES.forEach(function (rule) {
        var m = w.match(rule[0]);
        if (!m) return;
        rule[1].forEach(function (start) {
          var guess = start + w.slice(m[0].length);
          if (guess.length >= 3 && guesses.indexOf(guess) < 0) guesses.push(guess);
        });
      });
    });
  }
  return guesses;
}

// Offline after a visit (sw.js keeps what the phone fetched).
if (katalogScript && "serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("../sw.js", katalogScript)).catch(function () {});
}
// Material's search panel is a dialog without a name; screen readers announce it by this
// one (axe: aria-dialog-name).
function nameSearchDialog() {
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Pencarian");
}
if (typeof document$ !== "undefined") document$.subscribe(nameSearchDialog);
else document.addEventListener("DOMContentLoaded", nameSearchDialog);
