// The search box in the header (generator/output/overrides/partials/cari.html), loaded by
// assets/cari.js when the box is first used. The engine (Pagefind, which the build ran
// over the site) and the word list come then too, and the index arrives in small
// pieces, only those a query needs. Everything is asked of Pagefind through its
// public API (search, filters, data); our own knowledge sits in front of it:
// - words that mean the same (search/kata.json: the generator's word list, the
//   catalogue's synonyms.yml, Indonesian roots): each word is searched as any of them;
// - a word the catalogue doesn't have is read as its nearest catalogue word (one typing
//   slip in 5 letters or more, two in 9 or more: search/kosakata/<letter>.json);
// - "rt 7", "RT07", "rw 2", "halal", "diantar", "qris" narrow the results like the
//   filters of the panel do.
var cariRoot = document.currentScript ? new URL("../", document.currentScript.src) : null;

(function () {
  var root = cariRoot;
  if (!root) return;
  var engine = null;
  var latest = 0;
  var timer = null;
  var openFirst = false; // Enter pressed before the answer to what is typed came
  window.katalogCariSiap = true; // cari.js: the form is handled here from now on

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
          // No worker: its script would cost a phone another 12 KB on the first search.
          return pagefind.options({ baseUrl: root.pathname, excerptLength: 16, noWorker: true })
            .then(function () { return pagefind; });
        }),
        fetchJson("search/kata.json", null),
      ]).then(function (loaded) {
        var kata = loaded[1];
        if (!kata) engine = null; // searched without the word list now, asked again next time
        return { pagefind: loaded[0], kata: kata || { words: {}, filters: {} } };
      });
      engine.catch(function () { engine = null; }); // offline: try again next time
    }
    return engine;
  }

  function fetchJson(path, fallback) {
    return fetch(new URL(path, root)).then(function (response) {
      return response.ok ? response.json() : fallback;
    }).catch(function () { return fallback; });
  }

  function box() { return document.getElementById("cari-kata"); }
  function part(id) { return document.getElementById(id); }

  // Event delegation: Material's instant navigation may swap the header's content.
  document.addEventListener("focusin", function (event) {
    if (event.target.id !== "cari-kata") return;
    load().catch(function () {});
    if (event.target.value.trim()) open(true);
  });
  document.addEventListener("input", function (event) {
    if (event.target.id === "cari-kata") later();
    else if (event.target.closest && event.target.closest("#cari-saring")) later(0);
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest("#cari-saring")) later(0);
  });
  document.addEventListener("toggle", function (event) {
    if (event.target.id === "cari-saring" && event.target.open) showFilters();
  }, true);
  document.addEventListener("submit", function (event) {
    if (!event.target.matches || !event.target.matches("form.cari")) return;
    event.preventDefault(); // results show here; without JavaScript the form opens cari/
    var first = document.querySelector("#cari-hasil a");
    var current = part("cari-panel").getAttribute("data-dicari") === box().value;
    if (first && current && !timer) first.click();
    else {
      openFirst = true; // the first result of what is typed now, once it is found
      later(0);
    }
  });
  document.addEventListener("keydown", function (event) {
    var form = event.target.closest && event.target.closest("form.cari");
    if (!form) return;
    if (event.key === "Escape") {
      box().focus(); // first: focusing the box opens the panel of a query typed
      open(false);
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") &&
      (event.target === box() || event.target.closest("#cari-hasil"))) {
      var links = Array.prototype.slice.call(form.querySelectorAll("#cari-hasil a"));
      var at = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next >= links.length) return;
      event.preventDefault();
      (next < 0 ? box() : links[next]).focus();
    }
  });
  document.addEventListener("click", function (event) {
    var suggestion = event.target.closest && event.target.closest("button[data-kata]");
    if (suggestion) {
      box().value = suggestion.getAttribute("data-ganti");
      box().focus();
      later(0);
    } else if (!(event.target.closest && event.target.closest("form.cari"))) {
      open(false);
    } else if (event.target.closest("#cari-hasil a")) {
      open(false);
    }
  });
  // What happened before this script came: the box has the cursor, maybe words typed;
  // or the page is cari/?q=… (the form's page without JavaScript, or a shared link).
  var asked = new URLSearchParams(location.search).get("q");
  if (asked && box() && document.querySelector("[data-cari-halaman]") && !box().value) {
    box().value = asked;
  }
  if (box() && (document.activeElement === box() || box().value)) {
    load().catch(function () {});
    if (box().value.trim()) later(); // still being typed, maybe: wait as for a keystroke
  }

  function open(shown) {
    var panel = part("cari-panel");
    if (!panel) return;
    panel.hidden = !shown;
  }

  function later(wait) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      run();
    }, wait === undefined ? 250 : wait);
  }

  function run() {
    var asked = box().value;
    var filters = chosenFilters();
    var ticket = ++latest;
    if (!asked.trim() && !Object.keys(filters).length) {
      show(ticket, null, asked);
      return;
    }
    open(true);
    part("cari-panel").removeAttribute("data-dicari");
    status("Mencari…");
    load().then(function (e) {
      return find(e.pagefind, e.kata, asked, filters);
    }).then(function (found) {
      show(ticket, found, asked);
    }, function () {
      if (ticket === latest) status("Pencarian belum bisa dimuat. Periksa sinyal, lalu coba lagi.");
    });
  }

  // The filters chosen in the panel: {kategori: "Kue", tanda: ["Halal"]}.
  function chosenFilters() {
    var chosen = {};
    document.querySelectorAll("#cari-saring select").forEach(function (select) {
      if (select.value) chosen[select.name] = select.value;
    });
    document.querySelectorAll("#cari-saring input[type=checkbox]:checked").forEach(function (tick) {
      (chosen[tick.name] = chosen[tick.name] || []).push(tick.value);
    });
    return chosen;
  }

  function showFilters() {
    var list = part("cari-saring-isi");
    if (!list || list.getAttribute("data-dimuat")) return;
    list.setAttribute("data-dimuat", "1");
    load().then(function (e) { return e.pagefind.filters(); }).then(function (all) {
      var names = { kelurahan: "Kelurahan", kategori: "Kategori", rt: "RT", rw: "RW" };
      Object.keys(names).forEach(function (name) {
        if (!all[name] || !Object.keys(all[name]).length) return;
        var label = document.createElement("label");
        label.textContent = names[name] + " ";
        var select = document.createElement("select");
        select.name = name;
        select.appendChild(new Option("Semua", ""));
        Object.keys(all[name]).sort(naturally).forEach(function (value) {
          select.appendChild(new Option(value + " (" + all[name][value] + ")", value));
        });
        label.appendChild(select);
        list.appendChild(label);
      });
      Object.keys(all.tanda || {}).sort().forEach(function (value) {
        var label = document.createElement("label");
        var tick = document.createElement("input");
        tick.type = "checkbox";
        tick.name = "tanda";
        tick.value = value;
        label.appendChild(tick);
        label.appendChild(document.createTextNode(" " + value));
        list.appendChild(label);
      });
    }).catch(function () { list.removeAttribute("data-dimuat"); });
  }

  function naturally(a, b) { return a.localeCompare(b, "id", { numeric: true }); }

  function status(text) {
    var line = part("cari-status");
    if (line) line.textContent = text;
  }

  // The answer to `asked` (the text searched, which the box may no longer hold).
  function show(ticket, found, asked) {
    if (ticket !== latest) return; // an answer to a query typed over since
    var panel = part("cari-panel");
    if (panel) panel.setAttribute("data-dicari", found ? asked : "");
    var list = part("cari-hasil");
    var tips = part("cari-saran");
    var city = part("cari-kota"); // a kelurahan in a city: the same words, city-wide
    if (city && cariRoot) { // from the site's root: instant navigation keeps the header
      city.href = new URL("../cari/", cariRoot).href +
        (asked.trim() ? "?q=" + encodeURIComponent(asked.trim()) : "");
    }
    if (!list) return;
    list.textContent = "";
    tips.textContent = "";
    if (!found) {
      openFirst = false;
      status("");
      open(false);
      return;
    }
    found.items.forEach(function (item) { list.appendChild(resultItem(item)); });
    if (found.rest.length) list.appendChild(moreButton(ticket, found.rest));
    var notes = Object.keys(found.corrected).map(function (typed) {
      return "“" + typed + "” dibaca “" + found.corrected[typed] + "”";
    }).concat(found.unknown.length && found.items.length ? [
      "tidak ada di katalog: " + found.unknown.join(", "),
    ] : []);
    if (openFirst) {
      openFirst = false;
      var first = list.querySelector("a");
      if (first) {
        first.click();
        return;
      }
    }
    if (found.items.length) {
      status(found.total + " hasil" + (notes.length ? " (" + notes.join("; ") + ")" : ""));
      return;
    }
    status("Tidak ada hasil untuk “" + asked.trim() + "”.");
    var offers = found.suggestions;
    if (!offers.length) return;
    tips.appendChild(document.createTextNode("Mungkin maksud Anda: "));
    offers.forEach(function (offer, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cari__saran";
      button.setAttribute("data-kata", offer.word);
      button.setAttribute("data-ganti", offer.query);
      button.textContent = offer.word;
      if (i) tips.appendChild(document.createTextNode(" "));
      tips.appendChild(button);
    });
  }

  function moreButton(ticket, rest) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cari__lagi";
    button.textContent = "Tampilkan " + Math.min(rest.length, SHOWN) + " hasil lagi";
    button.addEventListener("click", function () {
      button.disabled = true;
      details(rest.slice(0, SHOWN)).then(function (items) {
        if (ticket !== latest) return;
        var list = li.parentNode;
        li.remove();
        items.forEach(function (item) { list.appendChild(resultItem(item)); });
        if (rest.length > SHOWN) list.appendChild(moreButton(ticket, rest.slice(SHOWN)));
        var next = list.querySelectorAll("a.cari__halaman")[list.querySelectorAll("a.cari__halaman").length - items.length];
        if (next) next.focus();
      }, function () { button.disabled = false; });
    });
    li.appendChild(button);
    return li;
  }

  function resultItem(item) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = item.data.url;
    link.className = "cari__halaman";
    var title = document.createElement("span");
    title.className = "cari__judul";
    title.textContent = (item.data.meta && item.data.meta.title) || item.data.url;
    link.appendChild(title);
    var excerpt = document.createElement("span");
    excerpt.className = "cari__cuplikan";
    marked(item.data.excerpt, excerpt);
    link.appendChild(excerpt);
    li.appendChild(link);
    // The sections found (a product's heading), not the page's own title again.
    var sections = (item.data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") > 0 && !(sub.anchor && sub.anchor.element === "h1");
    }).slice(0, 3);
    if (sections.length) {
      var subs = document.createElement("ul");
      sections.forEach(function (sub) {
        var subItem = document.createElement("li");
        var subLink = document.createElement("a");
        subLink.href = sub.url;
        subLink.textContent = sub.title;
        subItem.appendChild(subLink);
        subs.appendChild(subItem);
      });
      li.appendChild(subs);
    }
    return li;
  }

  // Pagefind's excerpt is HTML with <mark> around the words found. Read in an inert
  // <template> (no script runs, nothing loads), only its text and the marks are kept:
  // a vendor's text never becomes markup here.
  function marked(html, into) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

})();

// The search itself: `asked` as typed, `chosen` the panel's filters. Resolves to
// {items: [{result, data}], total, corrected: {typed: read}, unknown: [...], suggestions}.
function find(pagefind, kata, asked, chosen) {
  var planned = plan(asked, kata);
  var filters = Object.assign({}, planned.filters);
  // The panel's choice of kategori, RT or RW wins over one typed; marks add up.
  Object.keys(chosen).forEach(function (name) {
    var typed = [].concat(filters[name] || []);
    filters[name] = name === "tanda" ? typed.concat(chosen[name].filter(function (mark) {
      return typed.indexOf(mark) < 0;
    })) : chosen[name];
  });
  var corrected = {};
  var unknown = [];
  return Promise.all(planned.words.map(function (word) {
    return inCatalogue(word.others).then(function (found) {
      if (found.length || word.typed.length < 5 || /\d/.test(word.typed)) return found;
      return wordsOf(word.typed).then(function (list) {
        var close = nearest(word.typed, list || [], word.typed.length >= 9 ? 2 : 1);
        if (!close.length) return [];
        corrected[word.typed] = close[0];
        return inCatalogue(alternatives(close[0], kata));
      });
    }).then(function (found) {
      if (!found.length) unknown.push(word.typed);
      return found;
    });
  })).then(function (perWord) {
    var known = perWord.filter(function (found) { return found.length; });
    if (!known.length && planned.words.length) return [];
    // Every word (Pagefind wants them all on one page), as typed first; then, lower, the
    // pages with one of the words: "cuci baju" finds the laundry, whose page says "cuci"
    // but not "baju", after the lists that happen to say both.
    // Filters alone ("rt 7", "halal"): searched by a word of the filter's own value,
    // which its pages show, the list page in its title. (A search for nothing would
    // fetch the whole index.)
    var queries = known.length ? combinations(known, 16).map(function (query, i) {
      return { query: query, weight: i ? 0.9 : 1 };
    }) : [{ query: filterWord(filters), weight: 1 }];
    if (known.length > 1 && known.length <= 4) {
      known.forEach(function (list) {
        list.slice(0, 3).forEach(function (word) { queries.push({ query: word, weight: 0.5 }); });
      });
    }
    var options = { filters: filters };
    return Promise.all(queries.map(function (asked) {
      return pagefind.search(asked.query, options).then(function (search) {
        return search.results.map(function (result, rank) {
          return { result: result, score: (result.score || 1 / (rank + 1)) * asked.weight };
        });
      });
    })).then(merge);
  }).then(function (ranked) {
    return details(ranked.slice(0, SHOWN)).then(function (items) {
      var suggest = items.length ? Promise.resolve([]) : suggestions(asked, planned, unknown);
      return suggest.then(function (offers) {
        return {
          items: items, total: ranked.length, rest: ranked.slice(SHOWN), corrected: corrected,
          unknown: unknown, suggestions: offers,
        };
      });
    });
  });
}

// {rt: "RT 07"} -> "rt", {tanda: ["Bisa diantar"]} -> "diantar": the RT or RW itself
// (its number's piece of the index is bigger: prices), or the last word of the value.
function filterWord(filters) {
  var name = Object.keys(filters)[0];
  if (name === "rt" || name === "rw") return name;
  var value = [].concat(filters[name])[0];
  var words = String(value).toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  return words[words.length - 1] || null;
}

// Results shown at a time: each needs its own small file (its title and excerpt).
var SHOWN = 6;

function details(ranked) {
  return Promise.all(ranked.map(function (r) { return r.result.data(); })).then(function (data) {
    return data.map(function (d, i) { return { result: ranked[i].result, data: d }; });
  });
}

function wordsOf(word) {
  var letter = word.charAt(0);
  if (!/^[a-z]$/.test(letter)) return Promise.resolve(null);
  wordsOf.cache = wordsOf.cache || {};
  if (!wordsOf.cache[letter]) {
    wordsOf.cache[letter] = fetch(new URL("search/kosakata/" + letter + ".json", cariRoot))
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; }) // offline, or an old build: no slips read
      .then(function (list) {
        if (!list) delete wordsOf.cache[letter]; // asked again next time
        return list;
      });
  }
  return wordsOf.cache[letter];
}

// The query's words and filters: "kue rt 7 halal" -> words [kue], filters {rt: "RT 07",
// tanda: ["Halal"]}. `kata.filters` maps a word to its filter: {"halal": ["tanda", "Halal"]}.
function plan(asked, kata) {
  var tokens = asked.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) || [];
  var filters = {};
  var words = [];
  for (var i = 0; i < tokens.length; i++) {
    var token = tokens[i];
    var unit = token.match(/^(rt|rw)0*([1-9]\d{0,2})$/);
    if (!unit && (token === "rt" || token === "rw") && /^0*[1-9]\d{0,2}$/.test(tokens[i + 1] || "")) {
      unit = [token, token, tokens[++i]];
    }
    if (unit) {
      var number = String(Number(unit[2]));
      filters[unit[1]] = unit[1].toUpperCase() + " " + (number.length < 2 ? "0" + number : number);
      continue;
    }
    var others = alternatives(token, kata);
    var filter = others.map(function (w) { return kata.filters[w]; }).filter(Boolean)[0];
    if (filter) {
      (filters[filter[0]] = filters[filter[0]] || []).push(filter[1]);
      continue;
    }
    words.push({ typed: token, others: others });
  }
  return { words: words, filters: filters };
}

// The word and those the word list says it also stands for, the typed one first.
function alternatives(word, kata) {
  var found = [word];
  var add = function (w) { if (found.indexOf(w) < 0) found.push(w); };
  var known = function (w) { return Object.prototype.hasOwnProperty.call(kata.words, w); };
  if (known(word)) kata.words[word].forEach(add);
  else guessRoots(word).forEach(function (guess) {
    if (!known(guess)) return;
    add(guess);
    kata.words[guess].forEach(add);
  });
  return found.slice(0, 8);
}

// Which of `words` the site writes (or begins: a word still being typed; a word of the
// list is there 0 times when only its group is). Pagefind
// itself can't say: it ignores a word it lacks, or matches a piece of it ("kerupk" finds
// "ke"). Short words, numbers and words in other scripts are left to Pagefind.
function inCatalogue(words) {
  return Promise.all(words.map(function (word) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return true;
    return wordsOf(word).then(function (list) {
      return !list || list.some(function (entry) { return entry[1] > 0 && entry[0].lastIndexOf(word, 0) === 0; });
    });
  })).then(function (hits) {
    return words.filter(function (_, i) { return hits[i]; });
  });
}

// Queries of one word from each list, the first words first, at most `most`. Grown a
// word at a time, keeping the `most` cheapest: a long query stays quick.
function combinations(lists, most) {
  var out = [{ words: [], cost: 0 }];
  lists.forEach(function (list) {
    var next = [];
    out.forEach(function (prefix) {
      list.forEach(function (word, i) {
        next.push({ words: prefix.words.concat([word]), cost: prefix.cost + i });
      });
    });
    next.sort(function (a, b) { return a.cost - b.cost; }); // stable: the typed order stays
    out = next.slice(0, most);
  });
  return out.map(function (c) { return c.words.join(" "); });
}

// One entry per page, best score first (stable: a tie keeps Pagefind's order).
function merge(lists) {
  var best = {};
  var order = [];
  lists.forEach(function (list) {
    list.forEach(function (hit) {
      var id = hit.result.id;
      if (!best[id]) order.push(id);
      if (!best[id] || hit.score > best[id].score) best[id] = hit;
    });
  });
  return order.map(function (id, i) { return { hit: best[id], at: i }; })
    .sort(function (a, b) { return b.hit.score - a.hit.score || a.at - b.at; })
    .map(function (x) { return x.hit; });
}

// For a query that found nothing: each word the catalogue lacks swapped for one of its
// nearest catalogue words (two slips at most), the most used first; with every word
// known, the words without the filters typed ("sayur rt 5" -> "sayur").
function suggestions(asked, planned, unknown) {
  var typed = asked.toLowerCase();
  if (!unknown.length) {
    var words = planned.words.map(function (w) { return w.typed; }).join(" ");
    var narrowed = Object.keys(planned.filters).length && words;
    return Promise.resolve(narrowed ? [{ word: words, query: words }] : []);
  }
  return Promise.all(unknown.map(function (word) {
    return wordsOf(word).then(function (list) { return nearest(word, list || [], 2).slice(0, 3); });
  })).then(function (perWord) {
    var offers = [];
    perWord.forEach(function (close, i) {
      close.forEach(function (word) {
        if (offers.length < 4) offers.push({ word: word, query: typed.replace(unknown[i], word) });
      });
    });
    return offers;
  });
}

// Catalogue words within `most` edits of `word` (insert, delete, replace, swap two
// neighbours), closest first, then the most frequent. `list` is [[word, count], …].
function nearest(word, list, most) {
  var close = [];
  list.forEach(function (entry) {
    if (Math.abs(entry[0].length - word.length) > most || entry[0] === word) return;
    var d = distance(word, entry[0], most);
    if (d <= most) close.push({ word: entry[0], d: d, n: entry[1] });
  });
  close.sort(function (a, b) { return a.d - b.d || b.n - a.n || (a.word < b.word ? -1 : 1); });
  return close.map(function (c) { return c.word; });
}

function distance(a, b, most) {
  var prev2 = null, prev = [], row;
  for (var j = 0; j <= b.length; j++) prev.push(j);
  for (var i = 1; i <= a.length; i++) {
    row = [i];
    var least = i;
    for (j = 1; j <= b.length; j++) {
      var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > most) return most + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

// Indonesian affixes, roughly: particles (-lah, -pun), possessives (-nya), suffixes
// (-an, -kan, -i) and prefixes with their sound changes (meny- for s-, mem- for p-…).
// Only guesses the word list has are used, so a rough guess never adds noise.
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
