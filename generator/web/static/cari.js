// Search the way people here write. Material's search has no Indonesian stemmer and no
// hook for the query, so each query on its way to the search worker gets, for every
// word, the catalogue's words with the same root or in the same synonym group
// (search/kata.json, made at build time with the Sastrawi stemmer, the generator's word
// list and content/synonyms.yml). The results coming back are told about the words typed,
// not the words added ("Tidak ada: lombok" would confuse a reader who typed "cabe").
// Loaded before Material's own script (generator/output/overrides/main.html), so that it sees
// the search worker being set up.
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here || typeof Worker === "undefined") return;
  var words = null;
  fetch(new URL("../search/kata.json", here))
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (loaded) { words = loaded; })
    .catch(function () {});

  var QUERY = 2, RESULT = 3; // Material's message types
  var pending = []; // the expansion of each query sent, in order: answers come in order
  var send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var expanded = words ? expandQuery(message.data, words) : null;
      pending.push(expanded);
      if (expanded) arguments[0] = { type: QUERY, data: expanded.query };
    }
    return send.apply(this, arguments);
  };
  var listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function") {
      return listen.apply(this, arguments);
    }
    return listen.call(this, type, function (event) {
      if (!event.data || event.data.type !== RESULT) return listener.call(this, event);
      var expanded = pending.shift();
      if (!expanded) return listener.call(this, event);
      var data = event.data.data;
      data.items.forEach(function (group) {
        group.forEach(function (item) { item.terms = typedTerms(item.terms, expanded.groups); });
      });
      return listener.call(this, new MessageEvent("message", { data: event.data }));
    }, options);
  };
})();

// "cabe rawit" -> {query: "cabe cabai lombok rawit", groups: [["cabe", "cabai", "lombok"], ["rawit"]]}
function expandQuery(query, words) {
  var groups = [];
  var parts = query.split(/(\s+)/).map(function (part) {
    var word = part.toLowerCase();
    if (!/^[a-z0-9]+$/.test(word)) return part; // quotes, + and - stay as typed
    var found = [word];
    var add = function (w) { if (found.indexOf(w) < 0) found.push(w); };
    if (Object.prototype.hasOwnProperty.call(words, word)) {
      // A word of the catalogue: the build already knows its root, better than a guess.
      words[word].forEach(add);
    } else {
      guessRoots(word).forEach(function (guess) {
        if (!Object.prototype.hasOwnProperty.call(words, guess)) return;
        add(guess);
        words[guess].forEach(add);
      });
    }
    groups.push(found);
    return [part].concat(found.slice(1)).join(" ");
  });
  return { query: parts.join(""), groups: groups };
}

// A result's terms ({cabe: false, cabai: true, lombok: false}) as the reader typed them
// ({cabe: true}): a typed word is found when any of its words is.
function typedTerms(terms, groups) {
  if (!terms) return terms;
  var out = {};
  Object.keys(terms).forEach(function (term) {
    var inGroup = groups.some(function (group) { return group.indexOf(term) >= 0; });
    if (!inGroup) out[term] = terms[term];
  });
  groups.forEach(function (group) {
    if (!group.some(function (w) { return w in terms; })) return;
    out[group[0]] = group.some(function (w) { return terms[w]; });
  });
  return out;
}

// Indonesian affixes, roughly: particles (-lah, -pun), possessives (-nya), suffixes
// (-an, -kan, -i) and prefixes with their sound changes (meny- for s-, mem- for p-…).
// Only guesses the catalogue has are used, so a rough guess never adds noise.
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
