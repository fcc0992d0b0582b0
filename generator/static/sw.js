// Offline after a visit: the bazaar field often has poor signal.
// Every page and file of this site that the phone fetched is kept; the network is asked
// first, so a reader online always sees today's catalogue, and the kept copy is used when
// there is no network or it has not answered in a few seconds. Nothing else is
// downloaded ahead: a reader on metered data pays only for what they opened.
// Registered by katalog.js; it lives at the site's root because a service worker only
// serves pages at or below its own folder.
var CACHE = "katalog-v1";
var PATIENCE_MS = 4000;
// Kept at installation: what search needs, and the page shown for a page never opened.
var FIRST = ["./", "search/search_index.json", "search/kata.json", "luring/"];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(FIRST.map(function (path) {
        return cache.add(new Request(path, { cache: "reload" })).catch(function () {});
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  // `serve`'s live reload waits on the server on purpose: leave it alone.
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/livereload") >= 0) return;
  event.respondWith(networkFirst(request));
});

function networkFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    var fromNetwork = fetch(request).then(function (response) {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    var kept = cache.match(request, { ignoreSearch: true });
    var slow = new Promise(function (resolve) { setTimeout(resolve, PATIENCE_MS); });
    // Whichever comes first: the network's answer, or (after a while) the kept copy.
    return Promise.race([
      fromNetwork.catch(function () { return kept; }),
      slow.then(function () { return kept; }).then(function (copy) { return copy || fromNetwork; }),
    ]).then(function (response) {
      return response || fromNetwork.catch(function () { return offlinePage(cache, request); });
    });
  });
}

function offlinePage(cache, request) {
  var page = request.mode === "navigate" || (request.headers.get("accept") || "").indexOf("text/html") >= 0;
  return (page ? cache.match("luring/") : Promise.resolve(undefined)).then(function (response) {
    return response || new Response("", { status: 504, statusText: "Offline" });
  });
}
