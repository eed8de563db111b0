/* corroborate: the report (one HTML file, data embedded) and the web app (data from /api/...).
 *
 * One script for both. Article text is hostile input, so nothing from the data is ever parsed as
 * HTML: every element is made with document.createElement, every string goes in as a text node or
 * through setAttribute, and no data reaches innerHTML, insertAdjacentHTML or an href other than our
 * own "#..." links. The view and its filters live in the URL's hash, so a view can be shared.
 */
(function () {
  'use strict';

  const BODY = document.body;
  const MODE = BODY.getAttribute('data-mode') || 'report';
  const DATA_EL = document.getElementById('corroborate-data');
  const BUNDLE = DATA_EL ? JSON.parse(DATA_EL.textContent) : null;
  if (BUNDLE) restoreArticleFields(BUNDLE);
  // The report leaves out each row's outlet and date where they are its article's: put them back.
  function restoreArticleFields(bundle) {
    const meta = new Map(bundle.articles.map((a) => [a.id, a]));
    const stack = ['claims', 'passages', 'speakers', 'figures', 'incidents'].map((k) => bundle[k]);
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) { for (const x of v) if (x && typeof x === 'object') stack.push(x); continue; }
      if (!v || typeof v !== 'object') continue;
      if (typeof v.doc === 'string' && meta.has(v.doc) && !('outlet' in v)) {
        const a = meta.get(v.doc);
        v.outlet = a.outlet;
        v.published = a.published;
      }
      for (const x of Object.values(v)) if (x && typeof x === 'object') stack.push(x);
    }
  }
  const PAGE = 100;
  const MAIN = document.getElementById('main');
  const VIEWS = [
    ['overview', 'Overview'], ['claims', 'Claims'], ['passages', 'Copied passages'],
    ['speakers', 'Speakers'], ['figures', 'Figures & conflicts'], ['incidents', 'Incidents'],
    ['articles', 'Articles'],
  ];

  // ---- data: embedded in the report, fetched in the app ------------------------------------------
  const cache = {};
  async function getJSON(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const msg = body && body.detail ? body.detail : 'the server answered ' + r.status;
      throw new Error(msg);
    }
    return body;
  }
  async function load(view) {
    if (BUNDLE) return BUNDLE[view];
    // the promise is cached, so two renders racing for one view make one request
    if (!(view in cache)) cache[view] = getJSON('/api/' + view).catch((err) => { delete cache[view]; throw err; });
    return cache[view];
  }
  async function loadArticle(id) {
    if (BUNDLE) {
      const meta = BUNDLE.articles.find((a) => a.id === id);
      if (!meta) return null;
      return Object.assign({}, meta, { text: BUNDLE.texts[id] || '', marks: BUNDLE.marks[id] || [] });
    }
    return getJSON('/api/articles/' + encodeURIComponent(id));
  }
  // A row's text: the app sends it; the report slices it from the embedded article.
  function textOf(row) {
    if (row.text != null) return row.text;
    if (BUNDLE && BUNDLE.texts[row.doc] != null) return BUNDLE.texts[row.doc].slice(row.s, row.e);
    return '';
  }
  async function mapShapes() {
    if (BUNDLE) return BUNDLE.map || null;
    if (!('map' in cache)) {
      try { cache.map = await getJSON('/static/vendor/countries-110m.json'); } catch (e) { cache.map = null; }
    }
    return cache.map;
  }

  // ---- DOM helpers ------------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    append(el, children);
    return el;
  }
  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  function svg(tag, attrs) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v != null) el.setAttribute(k, String(v));
    return el;
  }
  function fmt(n) {
    if (n == null) return '';
    if (typeof n === 'number') return Number.isInteger(n) ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 2 });
    return String(n);
  }
  function pct(x) { return x == null ? '' : Math.round(x * 100) + '%'; }
  function range3(v) {
    if (!v || v.every((x) => x == null)) return '';
    const [lo, best, hi] = v;
    if (lo === hi) return fmt(best);
    return fmt(lo) + ' / ' + fmt(best) + ' / ' + fmt(hi);
  }
  function figureValue(f) {
    const q = f.qualifier && f.qualifier !== 'vague' ? f.qualifier + ' ' : '';
    if (f.value != null) return q + fmt(f.value);
    return (f.low != null ? fmt(f.low) : '?') + '–' + (f.high != null ? fmt(f.high) : '?');
  }

  // ---- the URL hash holds the view and its state ------------------------------------------------
  function readState() {
    let raw = location.hash.replace(/^#\/?/, '');
    // the app's own paths (/claims, /article?id=X) name a view when there is no hash
    if (!raw && MODE === 'app') raw = location.pathname.replace(/^\//, '') + location.search;
    const [view, query] = raw.split('?');
    const params = new URLSearchParams(query || '');
    return { view: view || 'overview', params };
  }
  function hrefFor(view, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '' && v !== false) q.set(k, v);
    const s = q.toString();
    return '#' + view + (s ? '?' + s : '');
  }
  function setParams(changes, replace) {
    const st = readState();
    const next = {};
    for (const [k, v] of st.params.entries()) next[k] = v;
    Object.assign(next, changes);
    const href = hrefFor(st.view, next);
    if (replace) history.replaceState(null, '', href); else history.pushState(null, '', href);
    render();
  }
  function link(view, params, ...children) {
    return h('a', { href: hrefFor(view, params) }, ...children);
  }
  function articleLink(row, label) {
    return link('article', { id: row.doc, s: row.s, e: row.e }, label || (row.outlet || row.doc));
  }

  // ---- tables: sortable, filterable, paged, downloadable ----------------------------------------
  // columns: {key, label, num, value(row) for sorting/CSV, cell(row) -> node|string}
  function dataTable(opts) {
    const { id, rows, columns, onOpen, openId, rowId, rowClass } = opts;
    const st = readState().params;
    const sortKey = st.get(id + '.sort') || opts.sort || columns[0].key;
    const dir = st.get(id + '.dir') || opts.dir || 'desc';
    const page = Math.max(0, parseInt(st.get(id + '.page') || '0', 10) || 0);
    const col = columns.find((c) => c.key === sortKey) || columns[0];
    const val = (c, r) => (c.value ? c.value(r) : r[c.key]);
    const sorted = rows.slice().sort((a, b) => {
      const x = val(col, a), y = val(col, b);
      if (x == null && y == null) return 0;
      if (x == null) return 1;
      if (y == null) return -1;
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return dir === 'asc' ? cmp : -cmp;
    });
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
    const p = Math.min(page, pages - 1);
    const shown = sorted.slice(p * PAGE, p * PAGE + PAGE);
    const head = h('tr', {}, columns.map((c) => h('th', {
      class: ['sortable', c.num ? 'num' : '', c.key === col.key ? 'sorted-' + dir : ''].join(' '),
      onclick: () => setParams({ [id + '.sort']: c.key, [id + '.dir']: c.key === col.key && dir === 'desc' ? 'asc' : 'desc', [id + '.page']: '' }),
    }, c.label)));
    const body = h('tbody', {});
    for (const r of shown) {
      const rid = rowId ? rowId(r) : null;
      const tr = h('tr', {
        class: [onOpen ? 'clickable' : '', rid != null && rid === openId ? 'open' : '', rowClass ? rowClass(r) : ''].join(' '),
        'data-id': rid,
        onclick: onOpen ? (ev) => { if (ev.target.closest('a')) return; onOpen(r); } : null,
      }, columns.map((c) => h('td', { class: c.num ? 'num' : '' }, c.cell ? c.cell(r) : fmt(c.value ? c.value(r) : r[c.key]))));
      body.appendChild(tr);
    }
    const pager = h('div', { class: 'pager' },
      h('button', { disabled: p === 0, onclick: () => setParams({ [id + '.page']: p - 1 || '' }) }, '‹ previous'),
      h('span', { class: 'muted' }, `${sorted.length ? p * PAGE + 1 : 0}–${p * PAGE + shown.length} of ${fmt(sorted.length)}`),
      h('button', { disabled: p >= pages - 1, onclick: () => setParams({ [id + '.page']: p + 1 }) }, 'next ›'),
      h('button', { onclick: () => downloadCSV(id + '.csv', columns, sorted) }, 'Download CSV'));
    return h('div', { class: 'table-wrap', 'data-table': id }, pager, h('table', {}, h('thead', {}, head), body));
  }
  function csvButton(name, columns, rows) {
    return h('div', { class: 'toolbar' }, h('button', { onclick: () => downloadCSV(name, columns, rows) }, 'Download CSV'));
  }
  function csvCell(v) {
    if (v == null) return '';
    let s = Array.isArray(v) ? v.join('; ') : String(v);
    // a leading =, +, - or @ makes spreadsheets run the cell as a formula: keep it text
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function downloadCSV(name, columns, rows) {
    const lines = [columns.map((c) => csvCell(c.label)).join(',')];
    for (const r of rows) lines.push(columns.map((c) => csvCell(c.csv ? c.csv(r) : (c.value ? c.value(r) : r[c.key]))).join(','));
    const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const a = h('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function filterBox(key, placeholder) {
    const st = readState().params;
    const input = h('input', { type: 'search', placeholder, value: st.get(key) || '', 'data-filter': key });
    let timer = null;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { setParams({ [key]: input.value, [key.split('.')[0] + '.page']: '' }, true); }, 250);
    });
    return input;
  }
  function matches(q, ...fields) {
    if (!q) return true;
    const needle = q.toLowerCase();
    return fields.some((f) => f != null && String(f).toLowerCase().includes(needle));
  }
  function keepFocus(key) {
    const el = MAIN.querySelector(`[data-filter="${key}"]`);
    if (el && document.activeElement === BODY) { el.focus(); el.setSelectionRange(el.value.length, el.value.length); }
  }

  // ---- overview ---------------------------------------------------------------------------------
  async function viewOverview() {
    const o = await load('overview');
    const c = o.counts;
    const out = [h('h2', {}, 'Overview'),
      h('div', { class: 'cards' },
        [['articles', c.documents], ['outlets', o.outlets.length], ['claims', c.claims], ['statements', c.statements],
          ['copy clusters', c.copy_clusters], ['figures', c.figures], ['incidents', c.incidents], ['conflicts', c.conflicts]]
          .map(([k, v]) => h('div', { class: 'card', 'data-count': k }, h('b', {}, fmt(v)), k))),
      h('p', { class: 'muted' }, o.first ? `Published ${o.first} to ${o.last}.` : 'No publication dates known.'),
      o.unknown_outlet_articles ? h('p', { class: 'muted', id: 'unknown-outlets' },
        `${fmt(o.unknown_outlet_articles)} article${o.unknown_outlet_articles === 1 ? '' : 's'} of unknown outlet, not in the outlets count; wherever outlets are counted, each is an outlet of its own.`) : null,
      h('h3', {}, 'Articles per outlet over time'), attentionChart(o.per_day),
      csvButton('articles-per-day.csv', [{ key: 'date', label: 'date' }, { key: 'outlet', label: 'outlet' }, { key: 'n', label: 'articles' }], o.per_day),
      h('h3', {}, 'Outlets: how much of their text other outlets also carry'),
      dataTable({ id: 'outlets', rows: o.outlets, sort: 'articles', columns: [
        { key: 'outlet', label: 'outlet' },
        { key: 'articles', label: 'articles', num: true },
        { key: 'words', label: 'words', num: true },
        { key: 'first', label: 'first' }, { key: 'last', label: 'last' },
        { key: 'copied_share', label: 'copied from earlier outlets', num: true, cell: (r) => pct(r.copied_share) },
        { key: 'shared_share', label: 'shared with other outlets', num: true, cell: (r) => pct(r.shared_share) },
      ] }),
      h('h3', {}, 'Languages'),
      dataTable({ id: 'languages', rows: o.languages, sort: 'n', columns: [
        { key: 'language', label: 'language' }, { key: 'n', label: 'articles', num: true }] })];
    return out;
  }
  function attentionChart(perDay) {
    const box = h('div', { class: 'chart', id: 'attention' });
    const rows = perDay.filter((r) => r.date);
    if (!rows.length) { box.appendChild(h('p', { class: 'muted' }, 'No dated articles.')); return box; }
    // the twelve outlets with most articles keep their colour; the rest are "other outlets"
    const totals = d3.rollups(rows, (v) => d3.sum(v, (r) => r.n), (r) => r.outlet).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = totals.slice(0, 12).map((t) => t[0]);
    const keys = totals.length > 12 ? top.concat(['other outlets']) : top;
    const days = Array.from(new Set(rows.map((r) => r.date))).sort();
    const table = days.map((d) => {
      const o = { date: d };
      for (const k of keys) o[k] = 0;
      for (const r of rows.filter((x) => x.date === d)) o[top.includes(r.outlet) ? r.outlet : 'other outlets'] += r.n;
      return o;
    });
    const stack = d3.stack().keys(keys)(table);
    const W = Math.max(560, Math.min(1300, days.length * 26 + 80)), H = 240, m = { l: 40, r: 10, t: 10, b: 50 };
    const x = d3.scaleBand().domain(days).range([m.l, W - m.r]).padding(0.15);
    const y = d3.scaleLinear().domain([0, d3.max(table, (d) => keys.reduce((s, k) => s + d[k], 0)) || 1]).nice().range([H - m.b, m.t]);
    const color = d3.scaleOrdinal(keys, d3.schemeTableau10.concat(d3.schemeSet3));
    const root = d3.select(box).append('svg').attr('width', W).attr('height', H);
    root.append('g').selectAll('g').data(stack).join('g').attr('fill', (s) => color(s.key))
      .selectAll('rect').data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join('rect')
      .attr('x', (d) => x(d.data.date)).attr('y', (d) => y(d[1])).attr('height', (d) => y(d[0]) - y(d[1])).attr('width', x.bandwidth())
      .append('title').text((d) => `${d.key}, ${d.data.date}: ${d.data[d.key]} articles`);
    const every = Math.ceil(days.length / 30);
    root.append('g').attr('transform', `translate(0,${H - m.b})`).call(d3.axisBottom(x).tickValues(days.filter((_, i) => i % every === 0)))
      .selectAll('text').attr('transform', 'rotate(-40)').style('text-anchor', 'end');
    root.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('d')));
    const legend = h('div', { class: 'legend' }, keys.map((k) => h('span', {}, h('span', { class: 'swatch', style: `background:${color(k)}` }), k)));
    box.appendChild(legend);
    return box;
  }

  // ---- claims -----------------------------------------------------------------------------------
  async function viewClaims() {
    const claims = await load('claims');
    const st = readState().params;
    const q = st.get('claims.q') || '';
    const minArticles = parseInt(st.get('claims.min') || '1', 10) || 1;
    const strippedOnly = st.get('claims.stripped') === '1';
    // the languages of the claims' members: a claim said in one, or said across languages
    const lang = st.get('claims.lang') || '';
    const languages = [...new Set(claims.flatMap((c) => c.members.map((m) => m.language).filter(Boolean)))].sort();
    const inLanguage = (c) => !lang || (lang === '*'
      ? new Set(c.members.map((m) => m.language || '?')).size > 1
      : c.members.some((m) => m.language === lang));
    const rows = claims.filter((c) => c.articles >= minArticles && (!strippedOnly || c.stripped > 0) && inLanguage(c)
      && matches(q, c.text, c.sources.join(' '), c.members.map((m) => m.outlet).join(' ')));
    const openId = st.get('claim');
    const open = openId ? claims.find((c) => c.id === openId) : null;
    const minSel = h('select', { onchange: (ev) => setParams({ 'claims.min': ev.target.value === '1' ? '' : ev.target.value, 'claims.page': '' }) },
      [1, 2, 3, 5, 10].map((n) => h('option', { value: n, selected: n === minArticles }, n === 1 ? 'any number of articles' : `in ${n}+ articles`)));
    const strip = h('label', {}, h('input', { type: 'checkbox', checked: strippedOnly, onchange: (ev) => setParams({ 'claims.stripped': ev.target.checked ? '1' : '', 'claims.page': '' }) }), ' attribution stripped somewhere');
    const langSel = languages.length > 1 ? h('select', { 'data-filter': 'claims.lang', onchange: (ev) => setParams({ 'claims.lang': ev.target.value, 'claims.page': '' }) },
      [h('option', { value: '', selected: !lang }, 'any language'),
        h('option', { value: '*', selected: lang === '*' }, 'said across languages'),
        ...languages.map((l) => h('option', { value: l, selected: l === lang }, `said in ${l}`))]) : null;
    return [h('h2', {}, 'Claims'),
      h('p', { class: 'muted' }, 'What the articles assert, grouped. "Independent" counts distinct credited sources (a spokesperson counts as the organisation), or, when nobody is credited, the outlets saying it in their own voice, each outlet once and copies of one text once. Click a claim for its chain.'),
      h('div', { class: 'toolbar' }, filterBox('claims.q', 'filter claims (text, source, outlet)'), minSel, langSel, strip),
      open ? claimChain(open) : null,
      dataTable({ id: 'claims', rows, sort: 'articles', openId, rowId: (c) => c.id,
        onOpen: (c) => setParams({ claim: c.id === openId ? '' : c.id }),
        columns: [
          { key: 'text', label: 'claim', cell: (c) => h('span', { class: 'claim-text' }, c.text) },
          { key: 'articles', label: 'articles', num: true },
          { key: 'independent', label: 'independent sources', num: true },
          { key: 'outlets', label: 'outlets', num: true },
          { key: 'sources', label: 'credited to', value: (c) => c.sources.join('; ') },
          { key: 'first_seen', label: 'first seen' },
          { key: 'stripped', label: 'attribution stripped', num: true, cell: (c) => c.stripped ? h('span', { class: 'flag', title: 'some outlets present it in their own voice while others credit a source' }, `stripped in ${c.stripped}`) : '' },
        ] })];
  }
  // Why a claim counts the sources it does: each source with the articles crediting it, the
  // articles that only repeat (copies, own voice), the speakers left unresolved. Text nodes only.
  function sourcingOf(c) {
    const s = c.sourcing || {};
    const list = (o) => o.outlets.join(', ') + (o.more ? ` and ${o.more} more` : '');
    const rows = [];
    if (s.rule === 'credited') {
      rows.push(h('li', {}, 'Counted: the distinct sources the articles credit (a spokesperson counts as the organisation, a capital as its government).'));
      for (const x of s.sources) {
        rows.push(h('li', {}, h('b', {}, x.name), `: credited in ${x.articles} article${x.articles === 1 ? '' : 's'}`,
          x.named_as.filter((n) => n !== x.name).length ? ` as ${x.named_as.filter((n) => n !== x.name).join('; ')}` : '',
          x.copies.n ? ` — ${x.copies.n} of them only copy an earlier article's text (${list(x.copies)})` : ''));
      }
      if (s.stripped && s.stripped.n) rows.push(h('li', {}, h('span', { class: 'flag' }, 'not counted'), ` ${s.stripped.n} article${s.stripped.n === 1 ? '' : 's'} repeat it in their own voice, crediting no one: ${list(s.stripped)}`));
    } else if (s.rule === 'own voice') {
      rows.push(h('li', {}, 'Nobody is credited: each outlet saying it counts once, copies of one text once.'));
      for (const o of s.copied_origins || []) rows.push(h('li', {}, `counted once: ${o.n} articles of one outlet or copying one text: ${list(o)}`));
    }
    if (s.rule === 'other language') {
      rows.push(h('li', {}, 'Only articles in another language say it: each counts, copies of one text once (who they credit is not matched to sources across languages).'));
    } else if (s.not_read && s.not_read.n) {
      rows.push(h('li', {}, h('span', { class: 'tag' }, 'other language'), ` ${s.not_read.n} article${s.not_read.n === 1 ? '' : 's'} in another language also say it (${list(s.not_read)}): who they credit is not matched to these sources, so they count as none`));
    }
    if (s.n_unresolved) rows.push(h('li', {}, h('span', { class: 'flag' }, 'unresolved'), ` ${s.n_unresolved} member${s.n_unresolved === 1 ? '' : 's'} credit a speaker the article never names (${s.unresolved.join('; ')}): counted as no source`));
    return rows.length ? h('div', { class: 'sourcing' }, h('h4', {}, 'Why this count'), h('ul', {}, rows)) : null;
  }
  function claimChain(c) {
    const CHAIN = 200;  // a claim a thousand articles repeat: the first ones tell who said it first
    const items = c.members.slice(0, CHAIN).map((m) => h('li', { 'data-how': m.how },
      h('span', { class: 'tag ' + m.how }, m.how), ' ', m.published || 'undated', ' · ', articleLink(m), ' · ',
      m.attributed_to ? (m.source
        ? ['credits ', h('b', {}, m.attributed_to), m.source_name && m.source_name !== m.attributed_to ? h('span', { class: 'muted' }, ' (counts as ', m.source_name, ')') : null]
        : ['credits ', h('b', {}, m.attributed_to), ' ', h('span', { class: 'flag', title: 'the article never says who this is: counted as no source' }, 'unresolved')])
        : m.read === false
          ? h('span', { class: 'tag', title: 'another language: who it credits is not matched to the sources counted here' }, 'other language')
          : h('span', { class: m.stripped ? 'flag' : 'tag' }, m.stripped ? 'unattributed: attribution stripped' : 'own voice'),
      m.language && m.language !== 'en' ? [' ', h('span', { class: 'tag', title: 'language of the article' }, m.language)] : null,
      m.copied_from && m.copied_from.length ? h('span', { class: 'muted' }, ' (text copied from an earlier article)') : null,
      h('div', { class: 'quote-text' }, '“', textOf(m), '”')));
    return h('div', { class: 'panel', id: 'claim-chain' },
      h('h3', {}, 'Chain of “', c.text, '”'),
      h('p', {}, `${c.articles} articles, ${c.outlets} outlets, ${c.independent} independent source${c.independent === 1 ? '' : 's'}. Joined by: ${c.why.join(', ') || 'one member'}.`),
      sourcingOf(c),
      h('ol', { class: 'chain' }, items),
      c.members.length > CHAIN ? h('p', { class: 'muted' }, `${c.members.length - CHAIN} later members not shown (the CSV of the claims table lists every claim).`) : null,
      h('button', { onclick: () => setParams({ claim: '' }) }, 'close'));
  }

  // ---- copied passages ---------------------------------------------------------------------------
  async function viewPassages() {
    const p = await load('passages');
    const st = readState().params;
    const kind = st.get('passages.kind') || 'copy';
    const q = st.get('passages.q') || '';
    const rows = p.clusters.filter((c) => (kind === 'all' || c.kind === kind)
      && matches(q, c.members.map((m) => m.outlet).join(' ')));
    const openId = st.get('cluster');
    const open = openId ? p.clusters.find((c) => c.id === openId) : null;
    const kindSel = h('select', { onchange: (ev) => setParams({ 'passages.kind': ev.target.value, 'passages.page': '' }) },
      [['copy', 'copied between outlets'], ['series', 'one outlet repeating itself'], ['all', 'all']].map(([v, l]) => h('option', { value: v, selected: v === kind }, l)));
    return [h('h2', {}, 'Copied passages'),
      h('h3', {}, 'Who copied whom'),
      h('p', { class: 'muted' }, 'An arrow runs from the outlet that published a shared passage first to the outlet that carried it later; a dashed line joins outlets that carried it on the same day. Line width: article pairs.'),
      copyGraph(p.graph),
      csvButton('copying-between-outlets.csv', [{ key: 'from', label: 'from outlet' }, { key: 'to', label: 'to outlet' },
        { key: 'directed', label: 'direction', value: (e) => (e.directed ? 'earlier to later' : 'same day') },
        { key: 'articles', label: 'article pairs' }, { key: 'words', label: 'words' }], p.graph.edges),
      h('h3', {}, 'Passages'),
      h('div', { class: 'toolbar' }, filterBox('passages.q', 'filter by outlet'), kindSel),
      open ? clusterPanel(open) : null,
      dataTable({ id: 'passages', rows, sort: 'articles', openId, rowId: (c) => c.id,
        onOpen: (c) => setParams({ cluster: c.id === openId ? '' : c.id }),
        columns: [
          { key: 'first_text', label: 'passage (likely origin)', value: (c) => textOf(originOf(c)).slice(0, 200), cell: (c) => h('span', {}, clip(textOf(originOf(c)), 220)) },
          { key: 'articles', label: 'articles', num: true },
          { key: 'outlets', label: 'outlets', num: true, value: (c) => c.outlets, csv: (c) => distinct(c.members.map((m) => m.outlet)).join('; '),
            cell: (c) => h('span', { title: distinct(c.members.map((m) => m.outlet)).join(', ') }, fmt(c.outlets)) },
          { key: 'words', label: 'words', num: true },
          { key: 'first', label: 'first published' },
          { key: 'origin', label: 'likely origin', value: (c) => originOf(c).outlet, cell: (c) => [originOf(c).outlet || '', originOf(c).tie ? h('span', { class: 'muted' }, ' (tie)') : ''] },
        ] })];
  }
  function originOf(c) { return c.members.find((m) => m.origin) || c.members[0]; }
  function distinct(xs) { return Array.from(new Set(xs.filter((x) => x != null))).sort(); }
  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function clusterPanel(c) {
    const pairs = c.pairs.slice(0, 50).map((pair) => {
      const a = textOf(pair.a), b = textOf(pair.b);
      const left = h('div', { class: 'side a' }, h('div', { class: 'who' }, articleLink(pair.a), ' ', pair.a.published || ''));
      const right = h('div', { class: 'side b' }, h('div', { class: 'who' }, articleLink(pair.b), ' ', pair.b.published || '', ` · similarity ${pct(pair.similarity)}`));
      for (const part of Diff.diffWordsWithSpace(a, b)) {
        if (part.removed) left.appendChild(h('del', { class: 'diff' }, part.value));
        else if (part.added) right.appendChild(h('ins', { class: 'diff' }, part.value));
        else { left.appendChild(document.createTextNode(part.value)); right.appendChild(document.createTextNode(part.value)); }
      }
      return h('div', { class: 'side-by-side' }, left, right);
    });
    return h('div', { class: 'panel', id: 'cluster-panel' },
      h('h3', {}, `A passage in ${c.articles} articles (${c.kind})`),
      h('ul', {}, c.members.map((m) => h('li', {}, m.published || 'undated', ' · ', articleLink(m), m.origin ? h('span', { class: 'tag first' }, 'likely origin') : null, ` · ${m.words} words`))),
      h('p', { class: 'muted' }, 'Side by side: the earlier article on the left; struck through: words only it has; highlighted on the right: words only the later one has.'),
      pairs.length ? pairs : h('p', { class: 'muted' }, 'No aligned pair recorded.'),
      c.pairs.length > 50 ? h('p', { class: 'muted' }, `${c.pairs.length - 50} more pairs not shown.`) : null,
      h('button', { onclick: () => setParams({ cluster: '' }) }, 'close'));
  }
  function copyGraph(g) {
    const box = h('div', { class: 'chart', id: 'copy-graph' });
    if (!g.edges.length) { box.appendChild(h('p', { class: 'muted' }, 'No passages shared between outlets.')); return box; }
    // the forty most connected outlets, on a circle: readable at any corpus size, same layout every time
    const weight = {};
    for (const e of g.edges) { weight[e.from] = (weight[e.from] || 0) + e.articles; weight[e.to] = (weight[e.to] || 0) + e.articles; }
    const nodes = g.nodes.slice().sort((a, b) => (weight[b.outlet] || 0) - (weight[a.outlet] || 0) || (a.outlet < b.outlet ? -1 : 1)).slice(0, 40)
      .sort((a, b) => (a.outlet < b.outlet ? -1 : 1));
    const shown = new Set(nodes.map((n) => n.outlet));
    const W = 980, H = 540, R = 200, cx = W / 2, cy = H / 2;
    const radius = (n) => 6 + Math.min(10, Math.sqrt(n.articles) * 2);
    const byName = Object.fromEntries(nodes.map((n) => [n.outlet, n]));
    const pos = {};
    nodes.forEach((n, i) => { const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2; pos[n.outlet] = [cx + R * Math.cos(t), cy + R * Math.sin(t), t]; });
    const root = svg('svg', { width: W, height: H });
    const defs = svg('defs');
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#555' }));
    defs.appendChild(marker); root.appendChild(defs);
    const maxA = Math.max(...g.edges.map((e) => e.articles));
    for (const e of g.edges) {
      if (!shown.has(e.from) || !shown.has(e.to)) continue;
      const [x1, y1] = pos[e.from], [xt, yt] = pos[e.to];
      // stop at the target's rim so the arrowhead shows
      const len = Math.hypot(xt - x1, yt - y1) || 1, cut = radius(byName[e.to]) + 2;
      const x2 = xt - (xt - x1) * cut / len, y2 = yt - (yt - y1) * cut / len;
      const line = svg('line', { x1, y1, x2, y2, stroke: e.directed ? '#555' : '#8a6fc2', 'stroke-width': 1 + 5 * e.articles / maxA,
        'stroke-dasharray': e.directed ? null : '5,4', 'marker-end': e.directed ? 'url(#arrow)' : null, class: 'edge' });
      const t = svg('title'); t.textContent = `${e.from} ${e.directed ? '→' : '—'} ${e.to}: ${e.articles} article pair${e.articles === 1 ? '' : 's'}, ${e.words} words`;
      line.appendChild(t); root.appendChild(line);
    }
    for (const n of nodes) {
      const [x, y, t] = pos[n.outlet];
      const gEl = svg('g', { class: 'node' });
      gEl.appendChild(svg('circle', { cx: x, cy: y, r: radius(n), fill: '#1f5f99' }));
      const right = Math.cos(t) >= 0;
      const label = svg('text', { x: x + (right ? 14 : -14), y: y + 4, 'text-anchor': right ? 'start' : 'end' });
      label.textContent = `${n.outlet} (${n.articles})`;
      gEl.appendChild(label); root.appendChild(gEl);
    }
    box.appendChild(root);
    return box;
  }

  // ---- speakers ---------------------------------------------------------------------------------
  async function viewSpeakers() {
    const speakers = await load('speakers');
    const st = readState().params;
    const q = st.get('speakers.q') || '';
    const rows = speakers.filter((s) => matches(q, s.name, s.role, s.org, s.forms.join(' ')));
    const openId = st.get('speaker');
    const open = openId ? speakers.find((s) => s.id === openId) : null;
    return [h('h2', {}, 'Speakers'),
      h('p', { class: 'muted' }, 'Who is quoted, how often, and by which outlets. Forms of one name ("Colonel X", "X", "the spokesperson") are merged by the analysis.'),
      h('div', { class: 'toolbar' }, filterBox('speakers.q', 'filter speakers')),
      open ? speakerPanel(open) : null,
      dataTable({ id: 'speakers', rows, sort: 'statements', openId, rowId: (s) => s.id,
        onOpen: (s) => setParams({ speaker: s.id === openId ? '' : s.id }),
        columns: [
          { key: 'name', label: 'speaker' }, { key: 'type', label: 'type' },
          { key: 'role', label: 'role / organisation', value: (s) => [s.role, s.org].filter(Boolean).join(', ') },
          { key: 'counts_as', label: 'counts as', cell: (s) => h('span', { title: s.counts_why || '', class: s.counts_as === 'unresolved' ? 'flag' : null }, s.counts_as) },
          { key: 'statements', label: 'statements', num: true }, { key: 'articles', label: 'articles', num: true },
          { key: 'outlets', label: 'quoted by', value: (s) => s.outlets.map((o) => `${o.outlet} ${o.n}`).join('; '),
            cell: (s) => s.outlets.map((o) => `${o.outlet} (${o.n})`).join(', ') },
          { key: 'forms', label: 'named as', value: (s) => s.forms.join('; ') },
        ] })];
  }
  function speakerPanel(s) {
    return h('div', { class: 'panel', id: 'speaker-panel' },
      h('h3', {}, s.name, s.role ? `, ${s.role}` : '', s.org ? ` (${s.org})` : ''),
      h('p', {}, `Named as: ${s.forms.join(', ')}`),
      h('ol', {}, s.quotes.slice(0, 200).map((q) => h('li', {}, q.published || 'undated', ' · ', articleLink(q), ` · ${q.kind} · ${q.cue || ''}`,
        h('div', { class: 'quote-text' }, '“', textOf(q), '”')))),
      s.quotes.length > 200 ? h('p', { class: 'muted' }, `${s.quotes.length - 200} more.`) : null,
      h('button', { onclick: () => setParams({ speaker: '' }) }, 'close'));
  }

  // ---- figures and conflicts --------------------------------------------------------------------
  async function viewFigures() {
    const f = await load('figures');
    const st = readState().params;
    const q = st.get('figures.q') || '';
    const cat = st.get('figures.cat') || '';
    const cats = distinct(f.groups.map((g) => g.category));
    const groups = f.groups.filter((g) => (!cat || g.category === cat) && matches(q, g.what, g.figures.map((x) => x.claimant).join(' ')));
    const openKey = st.get('figure');
    const open = openKey ? f.groups.find((g) => groupKey(g) === openKey) : null;
    const catSel = h('select', { onchange: (ev) => setParams({ 'figures.cat': ev.target.value, 'groups.page': '' }) },
      h('option', { value: '' }, 'every category'), cats.map((c) => h('option', { value: c, selected: c === cat }, c)));
    return [h('h2', {}, 'Figures and conflicts'),
      h('h3', {}, `Conflicts (${f.conflicts.length})`),
      f.conflicts.length ? conflictList(f.conflicts.filter((c) => matches(q, c.about, c.sides.map((x) => x.claimant || x.source).join(' ')))) : h('p', { class: 'muted' }, 'No conflicting figures or statements found.'),
      h('h3', {}, 'What is counted'),
      h('p', { class: 'muted' }, 'Figures grouped by what they count. Highlighted: different values from different claimants. Every value keeps its claimant; none is preferred.'),
      h('div', { class: 'toolbar' }, filterBox('figures.q', 'filter (what is counted, claimant)'), catSel),
      open ? figurePanel(open) : null,
      dataTable({ id: 'groups', rows: groups, sort: 'n', openId: openKey, rowId: groupKey, rowClass: (g) => (g.differ ? 'differ' : ''),
        onOpen: (g) => setParams({ figure: groupKey(g) === openKey ? '' : groupKey(g) }),
        columns: [
          { key: 'category', label: 'category' }, { key: 'what', label: 'what is counted' },
          { key: 'n', label: 'figures', num: true }, { key: 'claimants', label: 'claimants', num: true },
          { key: 'values', label: 'values per claimant', value: (g) => valuesByClaimant(g).join('; '),
            cell: (g) => { const v = valuesByClaimant(g); return v.slice(0, 8).join('; ') + (v.length > 8 ? ` … and ${v.length - 8} more claimants (open the row)` : ''); } },
          { key: 'differ', label: 'differ', value: (g) => (g.differ ? 1 : 0), cell: (g) => (g.differ ? h('span', { class: 'flag' }, 'values differ') : '') },
        ] })];
  }
  function groupKey(g) { return g.category + '|' + g.what.toLowerCase() + '|' + (g.unit || ''); }
  function valuesByClaimant(g) {
    const by = new Map();
    for (const x of g.figures) {
      const k = x.claimant || x.outlet || '?';
      if (!by.has(k)) by.set(k, new Set());
      by.get(k).add(figureValue(x) + (g.unit ? ' ' + g.unit : ''));
    }
    return Array.from(by.entries()).map(([k, v]) => `${k}: ${Array.from(v).join(', ')}`);
  }
  function figurePanel(g) {
    return h('div', { class: 'panel', id: 'figure-panel' },
      h('h3', {}, `${g.category}: ${g.what || '(nothing named)'}`),
      h('table', {}, h('thead', {}, h('tr', {}, ['value', 'claimant', 'as', 'outlet', 'date', 'scope', 'as written'].map((x) => h('th', {}, x)))),
        h('tbody', {}, g.figures.slice(0, 300).map((x) => h('tr', {}, h('td', { class: 'num' }, figureValue(x)), h('td', {}, x.claimant || ''),
          h('td', {}, x.claimant_type || ''), h('td', {}, articleLink(x)), h('td', {}, x.published || ''), h('td', {}, x.scope || ''), h('td', {}, textOf(x)))))),
      h('button', { onclick: () => setParams({ figure: '' }) }, 'close'));
  }
  function conflictList(all) {
    const SHOWN = 30;  // the filter box narrows them; the page stays light at any corpus size
    const conflicts = all.slice(0, SHOWN);
    return h('div', { id: 'conflicts' }, all.length > SHOWN ? h('p', { class: 'muted' }, `The first ${SHOWN} of ${all.length}; the filter below narrows them.`) : null,
      conflicts.map((c) => h('div', { class: 'panel conflict', 'data-kind': c.kind },
      h('b', {}, c.kind === 'figures' ? 'Different figures: ' : 'Opposite statements: '), c.about,
      c.incident ? [' ', link('incidents', { incident: c.incident }, 'incident')] : null,
      c.claim ? [' ', link('claims', { claim: c.claim }, 'claim')] : null,
      h('ul', {}, sideGroups(c).map(([label, sides]) => h('li', { class: 'side' },
        h('b', {}, label), ` · ${sides.length} report${sides.length === 1 ? '' : 's'}: `,
        sides.slice(0, 12).map((s, i) => [i ? ', ' : '', s.claimant || s.source || 'the outlet', ' (',
          h('a', { href: hrefFor('article', { id: s.doc, s: s.s, e: s.e }), title: textOf(s) }, s.outlet || s.doc), ')']),
        sides.length > 12 ? ` and ${sides.length - 12} more` : ''))))));
  }
  // the sides of a conflict grouped by what they say (a value, or asserts / denies), each with its claimants
  function sideGroups(c) {
    const groups = new Map();
    for (const s of c.sides) {
      const label = c.kind === 'figures' ? (s.value != null ? fmt(s.value) : `${fmt(s.low)}–${fmt(s.high)}`) : (s.negated ? 'denies' : 'asserts');
      if (!groups.has(label)) groups.set(label, []);
      groups.get(label).push(s);
    }
    return Array.from(groups.entries());
  }

  // ---- incidents --------------------------------------------------------------------------------
  async function viewIncidents() {
    const incidents = await load('incidents');
    const shapes = await mapShapes();
    const st = readState().params;
    const q = st.get('incidents.q') || '';
    const rows = incidents.filter((i) => matches(q, i.type, i.place, i.actors.join(' '), i.sources.map((s) => s.outlet).join(' ')));
    const openId = st.get('incident');
    const open = openId ? incidents.find((i) => i.id === openId) : null;
    return [h('h2', {}, 'Incidents'),
      h('p', { class: 'muted' }, 'Happenings merged across articles (same type, within a day, same or nearby place). Killed and injured are low / best / high over the sources, as UCDP GED records them.'),
      h('div', { class: 'toolbar' }, filterBox('incidents.q', 'filter (type, place, actor, outlet)')),
      h('div', { style: 'display:flex;gap:12px;flex-wrap:wrap' }, incidentMap(rows, shapes, openId), timeline(rows, openId)),
      open ? incidentPanel(open) : null,
      dataTable({ id: 'incidents', rows, sort: 'date', dir: 'asc', openId, rowId: (i) => i.id,
        onOpen: (i) => setParams({ incident: i.id === openId ? '' : i.id }),
        columns: [
          { key: 'date', label: 'date' }, { key: 'type', label: 'type' }, { key: 'place', label: 'place' },
          { key: 'actors', label: 'actors', value: (i) => i.actors.join('; ') },
          { key: 'killed', label: 'killed (low / best / high)', num: true, value: (i) => i.killed[1], csv: (i) => range3(i.killed), cell: (i) => range3(i.killed) },
          { key: 'injured', label: 'injured (low / best / high)', num: true, value: (i) => i.injured[1], csv: (i) => range3(i.injured), cell: (i) => range3(i.injured) },
          { key: 'articles', label: 'articles', num: true },
          { key: 'sources', label: 'sources', value: (i) => distinct(i.sources.map((s) => s.outlet)).join('; ') },
        ] })];
  }
  function incidentPanel(i) {
    return h('div', { class: 'panel', id: 'incident-panel' },
      h('h3', {}, `${i.type}, ${i.date || 'undated'}${i.time ? ' ' + i.time : ''}, ${i.place || 'place unknown'}`),
      h('p', {}, `Killed: ${range3(i.killed) || 'not given'} · injured: ${range3(i.injured) || 'not given'} · actors: ${i.actors.join(', ') || 'not named'}`),
      h('ol', {}, i.sources.map((s) => h('li', {}, s.published || 'undated', ' · ', articleLink(s), ` · claimant: ${s.claimant || 'the outlet'}`,
        s.killed != null ? ` · killed ${fmt(s.killed)}` : '', s.injured != null ? ` · injured ${fmt(s.injured)}` : '',
        h('div', { class: 'quote-text' }, '“', textOf(s), '”')))),
      h('button', { onclick: () => setParams({ incident: '' }) }, 'close'));
  }
  function incidentMap(rows, shapes, openId) {
    const box = h('div', { class: 'chart', id: 'incident-map' });
    const placed = rows.filter((i) => i.lat != null && i.lon != null);
    const W = 620, H = 380;
    const root = d3.select(box).append('svg').attr('width', W).attr('height', H);
    const countries = shapes ? topojson.feature(shapes, shapes.objects.countries) : null;
    const projection = d3.geoNaturalEarth1();
    if (placed.length) {
      // fit the incidents with a margin of a few degrees, so a local story is not a dot on a world map
      const lons = placed.map((i) => i.lon), lats = placed.map((i) => i.lat);
      const pad = 6;
      const ext = { type: 'MultiPoint', coordinates: [[d3.min(lons) - pad, d3.min(lats) - pad], [d3.max(lons) + pad, d3.max(lats) + pad]] };
      projection.fitExtent([[10, 10], [W - 10, H - 10]], ext);
    } else {
      projection.fitSize([W, H], countries || { type: 'Sphere' });
    }
    const path = d3.geoPath(projection);
    root.append('path').datum({ type: 'Sphere' }).attr('d', path).attr('fill', '#eef4f9');
    if (countries) {
      root.append('g').selectAll('path').data(countries.features).join('path').attr('d', path)
        .attr('fill', '#e4e1d8').attr('stroke', '#fff').attr('stroke-width', 0.6).attr('class', 'country')
        .append('title').text((d) => (d.properties && d.properties.name) || '');
    }
    root.append('g').selectAll('circle').data(placed).join('circle')
      .attr('cx', (i) => projection([i.lon, i.lat])[0]).attr('cy', (i) => projection([i.lon, i.lat])[1])
      .attr('r', (i) => 4 + Math.min(12, Math.sqrt(i.articles) * 2))
      .attr('fill', (i) => (i.id === openId ? '#a33d1b' : 'rgba(31,95,153,0.65)')).attr('stroke', '#fff').attr('class', 'incident-dot')
      .style('cursor', 'pointer').on('click', (ev, i) => setParams({ incident: i.id }))
      .append('title').text((i) => `${i.type}, ${i.date || 'undated'}, ${i.place || ''}: ${i.articles} articles`);
    box.appendChild(h('div', { class: 'muted', style: 'padding:2px 8px' }, `${placed.length} of ${rows.length} incidents placed. Basemap: Natural Earth (world-atlas), drawn offline.`));
    return box;
  }
  function timeline(rows, openId) {
    const box = h('div', { class: 'chart', id: 'incident-timeline' });
    const dated = rows.filter((i) => i.date);
    if (!dated.length) { box.appendChild(h('p', { class: 'muted' }, 'No dated incidents.')); return box; }
    const types = distinct(dated.map((i) => i.type));
    const W = 620, m = { l: 90, r: 16, t: 10, b: 40 }, H = m.t + m.b + types.length * 28;
    const parse = d3.utcParse('%Y-%m-%d');
    const ext = d3.extent(dated, (i) => parse(i.date));
    const x = d3.scaleUtc().domain([d3.utcDay.offset(ext[0], -1), d3.utcDay.offset(ext[1], 1)]).range([m.l, W - m.r]);
    const y = d3.scalePoint().domain(types).range([m.t + 14, H - m.b - 14]);
    const root = d3.select(box).append('svg').attr('width', W).attr('height', H);
    root.append('g').attr('transform', `translate(0,${H - m.b})`).call(d3.axisBottom(x).ticks(6));
    root.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y));
    root.append('g').selectAll('circle').data(dated).join('circle')
      .attr('cx', (i) => x(parse(i.date))).attr('cy', (i) => y(i.type)).attr('r', (i) => 4 + Math.min(10, Math.sqrt(i.articles) * 2))
      .attr('fill', (i) => (i.id === openId ? '#a33d1b' : 'rgba(31,95,153,0.6)')).attr('class', 'timeline-dot')
      .style('cursor', 'pointer').on('click', (ev, i) => setParams({ incident: i.id }))
      .append('title').text((i) => `${i.date} ${i.type} ${i.place || ''}: killed ${range3(i.killed) || '?'}, ${i.articles} articles`);
    return box;
  }

  // ---- articles and search ----------------------------------------------------------------------
  async function viewArticles() {
    const articles = await load('articles');
    const st = readState().params;
    const q = st.get('articles.q') || '';
    const text = st.get('search') || '';
    const out = [h('h2', {}, 'Articles')];
    if (MODE === 'app') {
      const input = h('input', { type: 'search', placeholder: 'search article text', value: text, 'data-filter': 'search' });
      input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') setParams({ search: input.value }); });
      out.push(h('div', { class: 'toolbar' }, input, h('button', { onclick: () => setParams({ search: input.value }) }, 'Search')));
      if (text) out.push(await searchResults(text));
    }
    const rows = articles.filter((a) => matches(q, a.outlet, a.title, a.published, a.language));
    out.push(h('div', { class: 'toolbar' }, filterBox('articles.q', 'filter by outlet, title, date, language')),
      dataTable({ id: 'articles', rows, sort: 'published', dir: 'asc',
        columns: [
          { key: 'published', label: 'published' }, { key: 'outlet', label: 'outlet' },
          { key: 'title', label: 'title', cell: (a) => link('article', { id: a.id }, a.title || '(untitled) ' + a.id) },
          { key: 'language', label: 'language' }, { key: 'words', label: 'words', num: true },
          { key: 'copied', label: 'copied from earlier outlets', num: true, cell: (a) => pct(a.copied) },
          { key: 'id', label: 'id' },
        ] }));
    return out;
  }
  async function searchResults(q) {
    const res = await getJSON('/api/search?q=' + encodeURIComponent(q));
    return h('div', { class: 'panel', id: 'search-results' },
      h('h3', {}, `${res.total} article${res.total === 1 ? '' : 's'} contain “${q}”`),
      h('ol', {}, res.hits.map((r) => h('li', {}, r.published || 'undated', ' · ', link('article', { id: r.doc, s: r.s, e: r.e }, r.outlet || r.doc), ' · ', r.title || '',
        h('div', {}, r.before, h('span', { class: 'hit' }, r.match), r.after)))));
  }
  const MARK_KINDS = [['quote', 'quotes'], ['speaker', 'speakers'], ['passage', 'copied passages'], ['figure', 'figures'], ['date', 'dates'], ['place', 'places']];
  async function viewArticle() {
    const st = readState().params;
    const id = st.get('id');
    const a = id ? await loadArticle(id) : null;
    if (!a) return [h('h2', {}, 'Article'), h('p', {}, 'No such article.')];
    const hidden = new Set((st.get('hide') || '').split(',').filter(Boolean));
    const s = st.get('s') != null ? parseInt(st.get('s'), 10) : null;
    const e = st.get('e') != null ? parseInt(st.get('e'), 10) : null;
    const body = markedText(a.text, a.marks, s, e);
    body.className = 'article-text ' + Array.from(hidden).map((k) => 'hide-' + k).join(' ');
    const key = h('div', { class: 'mark-key toolbar' }, 'Marked: ', MARK_KINDS.map(([k, label]) => h('label', {},
      h('input', { type: 'checkbox', checked: !hidden.has(k), onchange: (ev) => {
        if (ev.target.checked) hidden.delete(k); else hidden.add(k);
        setParams({ hide: Array.from(hidden).sort().join(',') }, true);
      } }), h('span', { class: 'swatch', style: `background:var(--${k})` }), label)));
    return [h('h2', {}, a.title || '(untitled)'),
      h('p', { class: 'muted' }, [a.outlet || 'unknown outlet', a.published || 'undated', a.author ? 'by ' + a.author : null, a.language, `${fmt(a.words)} words`, 'id ' + a.id].filter(Boolean).join(' · ')),
      key, body];
  }
  // The text cut at every mark boundary; each piece is a text node inside spans for the marks over it.
  function markedText(text, marks, s, e) {
    const box = h('div', { id: 'article-text' });
    const cuts = new Set([0, text.length]);
    for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m[0]))); cuts.add(Math.max(0, Math.min(text.length, m[1]))); }
    if (s != null && e != null) { cuts.add(s); cuts.add(e); }
    const points = Array.from(cuts).sort((x, y) => x - y);
    const byStart = marks.slice().sort((x, y) => x[0] - y[0]);
    let next = 0, active = [];
    let target = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (a >= b) continue;
      // a sweep: marks enter when the text reaches their start and leave after their end
      while (next < byStart.length && byStart[next][0] <= a) active.push(byStart[next++]);
      active = active.filter((m) => m[1] > a);
      const over = active.filter((m) => m[1] >= b);
      const inTarget = s != null && e != null && s <= a && e >= b;
      let node = document.createTextNode(text.slice(a, b));
      if (over.length || inTarget) {
        const span = h('span', { class: over.map((m) => 'm-' + m[2]).concat(inTarget ? ['target'] : []).join(' '),
          title: over.map((m) => m[3]).join('\n') || null });
        span.appendChild(node);
        node = span;
        if (inTarget && !target) target = span;
      }
      box.appendChild(node);
    }
    if (target) setTimeout(() => target.scrollIntoView({ block: 'center' }), 0);
    return box;
  }

  // ---- shell ------------------------------------------------------------------------------------
  const ROUTES = { overview: viewOverview, claims: viewClaims, passages: viewPassages, speakers: viewSpeakers,
    figures: viewFigures, incidents: viewIncidents, articles: viewArticles, article: viewArticle };
  function navBar(current) {
    const nav = document.getElementById('nav');
    nav.textContent = '';
    for (const [v, label] of VIEWS) nav.appendChild(h('a', { href: '#' + v, class: v === current ? 'active' : '' }, label));
  }
  let renderSeq = 0;
  async function render() {
    const seq = ++renderSeq;
    const { view } = readState();
    const fn = ROUTES[view] || viewOverview;
    navBar(ROUTES[view] ? view : 'overview');
    let nodes;
    try {
      nodes = await fn();
    } catch (err) {
      nodes = [h('div', { class: 'banner', id: 'error' }, String(err && err.message ? err.message : err))];
    }
    if (seq !== renderSeq) return; // a later navigation won
    const focused = document.activeElement && document.activeElement.getAttribute('data-filter');
    MAIN.textContent = '';
    append(MAIN, [nodes]);
    MAIN.setAttribute('data-view', view);
    if (focused) keepFocus(focused);
    BODY.setAttribute('data-ready', String(seq));
  }
  window.addEventListener('hashchange', render);
  window.addEventListener('popstate', render);
  if (BUNDLE) {
    const a = BUNDLE.meta;
    document.getElementById('subtitle').textContent = `${fmt(a.articles)} articles from ${fmt(a.outlets)} outlets${a.first ? `, ${a.first} to ${a.last}` : ''}`;
  }
  render();
})();
