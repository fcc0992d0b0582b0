// Offline after a visit: the bazaar field often has poor signal.
// Every page and file of this site that the phone fetched is kept (PDFs aside: big, and
// printed from a computer); the network is asked first, so a reader online always sees
// today's catalogue, and the kept copy is used when there is no network or it has not
// answered in a few seconds. Nothing else is downloaded ahead: a reader on metered data
// pays only for what they opened.
// What is kept ends with the build it came from: the cache is named after the build's
// content (the build writes it in below), and a new build's worker deletes every other
// cache when it takes over. A vendor who asked to be removed is gone from every phone
// that goes online once, and a page the server says is gone (404, 410) is dropped at once.
// At most MOST pages and files are kept; the one used longest ago goes first.
// Registered by katalog.js; it lives at the site's root because a service worker only
// serves pages at or below its own folder. (`serve` replaces it with one that removes
// itself: see generator/output/preview.py.)
var BUILD = "BUILD_ID";
// Every site on one origin (two catalogues on one github.io) shares the cache storage:
// this site's caches are named after its own address, and only those are ever deleted.
var SITE = "katalog " + self.registration.scope + " ";
var CACHE = SITE + BUILD;
var MOST = 200;
var PATIENCE_MS = 4000;
// Kept at installation: the home page, and the page shown for a page never opened.
// Search is kept as it is used: the pieces of its index a query fetched stay here.
var FIRST = ["./", "luring/"];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(FIRST.map(function (path) {
        return fetch(path).then(function (response) {
          return keepable(response) ? cache.put(key(response.url), response) : null;
        }).catch(function () {});
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

// This site's copies from another build (and the old `katalog-v1`) are deleted, whatever
// they held.
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name !== CACHE && (name.indexOf(SITE) === 0 || name === "katalog-v1");
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  // `serve`'s live reload waits on the server on purpose: leave it alone.
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/livereload") >= 0) return;
  // The volunteers' form (/admin/) is never kept: it must always show today's files.
  if (url.href.indexOf(self.registration.scope + "admin/") === 0) return;

  // A page is asked of the server itself, not of the browser's own cache, which may hold
  // an older copy for a while (an unchanged page costs a short "not modified" answer).
  var asked = isPage(request, url) ? new Request(request, { cache: "no-cache" }) : request;
  var fromNetwork = fetch(asked).then(function (response) {
    return { response: response, copy: keepable(response) ? response.clone() : null };
  }, function () { return { response: null, copy: null }; });
  // Keep the fresh copy even when the kept one was already shown; forget a page the
  // server says is gone; with no network, the kept copy was used: it goes last in line.
  // One after the other, in one chain, so a copy never comes back after its 404.
  event.waitUntil(fromNetwork.then(function (got) {
    if (got.copy) return keep(request.url, got.copy);
    if (got.response && (got.response.status === 404 || got.response.status === 410)) {
      return caches.open(CACHE).then(function (cache) {
        return cache.delete(key(request.url));
      }).catch(function () {});
    }
    if (!got.response) {
      return caches.match(key(request.url), { cacheName: CACHE }).then(function (copy) {
        return copy && keep(request.url, copy);
      }).catch(function () {});
    }
  }));
  event.respondWith(answer(request, fromNetwork));
});

// Put a copy last in the cache (a cache lists its entries oldest first), then drop the
// oldest beyond MOST; the pages kept at installation stay.
function keep(address, response) {
  return caches.open(CACHE).then(function (cache) {
    return cache.delete(key(address))
      .then(function () { return cache.put(key(address), response); })
      .then(function () { return cache.keys(); })
      .then(function (requests) {
        var first = FIRST.map(function (path) {
          return key(new URL(path, self.registration.scope).href);
        });
        var spare = requests.filter(function (r) { return first.indexOf(r.url) < 0; });
        var over = requests.length - MOST;
        return Promise.all(spare.slice(0, Math.max(over, 0)).map(function (r) {
          return cache.delete(r);
        }));
      });
  }).catch(function () {});
}

// The network's answer, or the kept copy when the network fails or is slow; the page
// "Tanpa sinyal" for a page never kept; an error only for a file never kept.
function answer(request, fromNetwork) {
  var network = fromNetwork.then(function (got) { return got.response; });
  var kept = caches.match(key(request.url), { cacheName: CACHE }).catch(function () {});
  var late = new Promise(function (resolve) { setTimeout(resolve, PATIENCE_MS); })
    .then(function () { return kept; })
    .then(function (copy) { return copy || network; });
  return Promise.race([network, late])
    .then(function (response) { return response || kept; })
    .then(function (response) { return response || network; })
    .then(function (response) { return response || offline(request); });
}

// Search results link to `page/?h=word`: one page, kept once, under its address alone.
function key(address) {
  var url = new URL(address);
  return url.origin + url.pathname;
}

// Whole, direct answers only: not a partial one, not a Wi-Fi login page's redirect, not
// a PDF (several megabytes each).
function keepable(response) {
  return response && response.status === 200 && response.type === "basic" &&
    !response.redirected && !/\.pdf([?#]|$)/i.test(response.url);
}

function isPage(request, url) {
  return request.mode === "navigate" || /\/$|\.html$/.test(url.pathname) ||
    (request.headers.get("accept") || "").indexOf("text/html") >= 0;
}

function offline(request) {
  var luring = key(new URL("luring/", self.registration.scope).href);
  var shown = isPage(request, new URL(request.url))
    ? caches.match(luring, { cacheName: CACHE }) : Promise.resolve(undefined);
  return shown.then(function (response) {
    if (!response) return new Response("", { status: 504, statusText: "Offline" });
    // Shown at the address of the page asked for: its links and styles are written
    // relative to luring/, so the page says where it is from.
    return response.text().then(function (html) {
      var base = '<base href="' + luring + '">';
      return new Response(html.replace(/<head[^>]*>/i, function (head) { return head + base; }), {
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    });
  });
}
