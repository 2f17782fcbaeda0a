/*
 * Midlands Health Resources: the service worker that makes every view work offline.
 *
 * The build fills in MANIFEST: the exact files of this build, each with a revision, and a
 * version for the whole (see xtask/src/precache.rs). From it:
 *
 * - install: precache every file into a cache named after the version. The new worker then
 *   waits, so an open tab never mixes files of two builds; the app shows "A new version is
 *   available", and its Reload button posts {type: "skip-waiting"}.
 * - activate: delete the caches of older versions, take control of open pages.
 * - navigations: network first, so a visitor online always gets the current build. Each page
 *   of this build that arrives is kept (pages are written per address at build time, and only
 *   those visited are kept: precaching every page would download them all for every visitor).
 *   Offline, the kept copy of the page, else the shell (shell.html), a loading note the app
 *   replaces with the view of the address. Pages of another build are not kept: they name
 *   files this cache does not hold. On activation, the pages open in windows are kept too,
 *   so the page a first visit landed on works offline.
 * - the dataset: stale-while-revalidate. Answer from the cache at once, refresh it from the
 *   network in the background, but keep the refreshed copy only if its schema_version is the
 *   one this build reads (a newer, incompatible dataset arrives with its own build).
 * - other precached files (hashed, so never changed in place): cache first.
 * - anything else goes to the network untouched. In particular a missing asset gets the
 *   server's 404, never the app shell.
 */
"use strict";

const MANIFEST = /*MHR_PRECACHE*/null;
const PREFIX = "mhr-";
const CACHE = PREFIX + MANIFEST.version;
const SCOPE = self.registration.scope; // the site's base URL, ending in "/"
const SHELL = new URL("shell.html", SCOPE).href;
const DATASET = new URL("data/dataset.json", SCOPE).href;
const PRECACHED = new Set(MANIFEST.files.map((f) => new URL(f.url, SCOPE).href));
// Every page of this build starts the app with this script, named after this build's files.
const BOOT = (MANIFEST.files.find((f) => /^boot-[0-9a-f]+\.js$/.test(f.url)) || {}).url;

// Hashed names (app-1a2b…_bg.wasm) never change content, so the copy the page has just
// downloaded may come from the HTTP cache; a first visit then transfers them once, not twice.
// Files with fixed names (index.html, the dataset) come straight from the network, since an
// HTTP cache could hand back the last build's.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        MANIFEST.files.map(
          (f) => new Request(new URL(f.url, SCOPE), { cache: HASHED.test(f.url) ? "default" : "reload" })
        )
      )
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll({ type: "window", includeUncontrolled: true }))
      .then((windows) => Promise.all(windows.map((w) => keepPage(w.url))))
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (!url.href.startsWith(SCOPE)) return; // other origins and paths: not ours

  if (request.mode === "navigate") {
    event.respondWith(networkFirstNavigation(event, request));
    return;
  }
  const bare = url.origin + url.pathname;
  if (bare === DATASET) {
    event.respondWith(staleWhileRevalidateDataset(event, request));
    return;
  }
  if (PRECACHED.has(bare)) {
    event.respondWith(cacheFirst(request));
  }
  // Everything else: the network, unchanged.
});

async function networkFirstNavigation(event, request) {
  try {
    const response = await fetch(request);
    event.waitUntil(keep(request.url, response.clone()));
    return response;
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const page = (await cache.match(pageKey(request.url))) || (await cache.match(SHELL));
    if (page) return page;
    throw offline;
  }
}

// The cache key of a page: its address without query or fragment, with the final "/" that
// the build's addresses have (a filtered /browse/?tag=x is the /browse/ page).
function pageKey(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (!u.pathname.endsWith("/") && !/\.[a-z0-9]+$/i.test(u.pathname)) u.pathname += "/";
  return u.href;
}

// Keeps a page that came from the network, if it is a page of this build.
async function keep(url, response) {
  if (!response.ok || response.type !== "basic" || !BOOT) return;
  if (!(response.headers.get("content-type") || "").startsWith("text/html")) return;
  const text = await response.clone().text();
  if (!text.includes(BOOT)) return;
  const cache = await caches.open(CACHE);
  await cache.put(pageKey(url), response);
}

async function keepPage(url) {
  if (!url.startsWith(SCOPE)) return;
  try {
    await keep(url, await fetch(url, { cache: "no-cache" }));
  } catch (offline) {
    // Kept on the next visit instead.
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached || fetch(request);
}

async function staleWhileRevalidateDataset(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(DATASET);
  // The page reads `cached`; the schema check needs a copy taken before it does.
  const current = cached ? cached.clone() : null;
  const refresh = fetch(request, { cache: "no-cache" })
    .then(async (response) => {
      if (response.ok && (await sameSchema(response.clone(), current))) {
        await cache.put(DATASET, response.clone());
      }
      return response;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(refresh);
    return cached;
  }
  return (await refresh) || Response.error();
}

// A refreshed dataset is kept only if it declares the schema version of the precached one.
async function sameSchema(fresh, cached) {
  try {
    const next = await fresh.json();
    if (!cached) return true;
    const kept = await cached.json();
    return next.schema_version === kept.schema_version;
  } catch (broken) {
    return false;
  }
}
