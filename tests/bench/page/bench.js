// The browser half of tests/bench_browser.rs: builds one engine's index over a corpus and
// times the queries, in a page that is cross-origin isolated (performance.now() to 5 µs).
// Chromium runs with --js-flags=--expose-gc and --enable-precise-memory-info, so that a
// JavaScript engine's memory is its heap growth after a full collection.

const LIMIT = 20; // results asked for, as the site's search box and results page ask
const WARM_UP = 20;

const collect = () => { if (globalThis.gc) { gc(); gc(); } };
const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : NaN);
const textOf = (d) => [d.title, d.summary, d.publisher, d.tags.join(' ')].join(' ');

// Each engine: load() once, build(docs, corpusText) -> index, search(index, q) -> top ids in
// order (corpus positions), memory(build) -> bytes the index keeps.
const ENGINES = {
  ours: {
    label: 'ours (wasm)',
    async load() {
      const m = await import('./engine/bench_engine.js');
      await m.default();
      return m;
    },
    prepare(m, docs, text) { return new m.Corpus(text); },
    build(m, corpus) { return m.Engine.build(corpus); },
    search(m, index, q) { return Array.from(index.search(q, LIMIT)); },
    free(index) { index.free(); },
    // wasm memory is not the JavaScript heap: the engine counts the bytes it keeps allocated.
    measure(m, before) { return m.liveBytes() - before; },
    baseline(m) { return m.liveBytes(); },
  },
  minisearch: {
    label: 'MiniSearch 7 (last-word prefix, fuzzy 0.2)',
    async load() { return (await import('./peers/minisearch.js')).default; },
    prepare(MiniSearch, docs) { return docs.map((d, i) => ({ n: i, ...d, tags: d.tags.join(' ') })); },
    build(MiniSearch, prepared) {
      // MiniSearch's documented typo-tolerant set-up, prefix search and fuzzy matching, with
      // the prefix on the last word only, as ours and a search box take it (its documented
      // function form of `prefix`).
      const index = new MiniSearch({
        idField: 'n',
        fields: ['title', 'summary', 'publisher', 'tags'],
        searchOptions: {
          prefix: (term, i, terms) => i === terms.length - 1,
          fuzzy: 0.2,
          boost: { title: 2 },
        },
      });
      index.addAll(prepared);
      return index;
    },
    // MiniSearch has no limit: it returns every match, ranked.
    search(MiniSearch, index, q) { return index.search(q).slice(0, LIMIT).map((r) => r.id); },
    free() {},
    measure(m, before) { collect(); return heap() - before; },
    baseline() { collect(); return heap(); },
  },
  flexsearch: {
    label: 'FlexSearch 0.7 (forward, latin:extra)',
    async load() { return (await import('./peers/flexsearch.js')).default; },
    prepare(FlexSearch, docs) { return docs.map(textOf); },
    build(FlexSearch, texts) {
      // Prefixes through "forward" tokenizing; its phonetic "extra" encoder, the loosest, is what
      // FlexSearch 0.7 offers for misspellings (it has no edit-distance matching).
      const index = new FlexSearch.Index({ tokenize: 'forward', charset: 'latin:extra' });
      texts.forEach((t, i) => index.add(i, t));
      return index;
    },
    search(FlexSearch, index, q) { return index.search(q, { limit: LIMIT }); },
    free() {},
    measure(m, before) { collect(); return heap() - before; },
    baseline() { collect(); return heap(); },
  },
};

const percentile = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];

window.bench = async (name, corpusUrl, queriesUrl) => {
  const engine = ENGINES[name];
  const m = await engine.load();
  const text = await (await fetch(corpusUrl)).text();
  const docs = JSON.parse(text);
  const queries = (await (await fetch(queriesUrl)).json())
    .map((q) => (typeof q === 'string' ? { query: q, kind: 'given' } : q));
  // The memory figures need gc() and precise heap sizes (see the top of this file).
  const measurable = typeof globalThis.gc === 'function' && !!performance.memory;
  const prepared = engine.prepare(m, docs, text);

  // Build three times, keep the fastest (the first also pays for compiling and page faults).
  let build = Infinity;
  for (let round = 0; round < 3; round++) {
    collect();
    const t = performance.now();
    const index = engine.build(m, prepared);
    build = Math.min(build, performance.now() - t);
    engine.free(index);
  }
  // Once more for its memory: what the index keeps once garbage is collected.
  const before = engine.baseline(m);
  const index = engine.build(m, prepared);
  const memory = engine.measure(m, before);

  for (const q of queries.slice(0, WARM_UP)) engine.search(m, index, q.query);
  const times = [];
  const byKind = {};
  let expected = 0;
  let found = 0;
  for (const q of queries) {
    const t = performance.now();
    const ids = engine.search(m, index, q.query);
    const ms = performance.now() - t;
    times.push(ms);
    (byKind[q.kind] = byKind[q.kind] || []).push(ms);
    if (q.expect) {
      expected += 1;
      if (ids.slice(0, 3).some((i) => docs[i].id === q.expect)) found += 1;
    }
  }
  engine.free(index);
  const sort = (v) => v.slice().sort((a, b) => a - b);
  const all = sort(times);
  const kinds = {};
  for (const k in byKind) {
    const v = sort(byKind[k]);
    kinds[k] = { p50: percentile(v, 0.5), p95: percentile(v, 0.95) };
  }
  return {
    label: engine.label,
    docs: docs.length,
    queries: queries.length,
    build,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    memory,
    expected,
    found,
    kinds,
    isolated: crossOriginIsolated,
    measurable,
  };
};
window.benchReady = true;
