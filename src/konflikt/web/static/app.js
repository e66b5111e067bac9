// Konflikt's analyst UI: corpus network with a time range, paste-and-code box, evidence, map.
import { setLanguage, t, language } from './i18n.js';
import { drawNetwork, nameOf, CAMP_COLOURS } from './network.js';
import { drawMap } from './map.js';

const $ = (sel) => document.querySelector(sel);
const state = { mode: 'corpus', net: null, events: [], doc: null, title: null, shown: [], seq: 0 };

function token() { try { return sessionStorage.getItem('konflikt-token') || ''; } catch (_e) { return ''; } }

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (options.body) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { ...options, headers });
  if (r.status === 401) { $('#token-box').hidden = false; throw new Error(t('need_token')); }
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    const d = body.detail;
    throw Object.assign(new Error(typeof d === 'string' ? d : JSON.stringify(d ?? r.statusText)), { status: r.status });
  }
  return body;
}

let lastStatus = [() => '', false];
function status(msg, error = false) {  // msg: a string or a function giving it in the current language
  lastStatus = [msg, error];
  const s = $('#status');
  s.textContent = (typeof msg === 'function' ? msg() : msg) || '';
  s.classList.toggle('error', error);
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---- evidence ---------------------------------------------------------------------------------------

function names(list) { return (list || []).map((a) => a.name).join(', ') || '—'; }

function sentenceWithTrigger(ev) {
  const p = document.createElement('p');
  p.className = 'sentence';
  const text = ev.event_text || '';
  let s = ev.span[0] - ev.sentence_span[0], e = ev.span[1] - ev.sentence_span[0];
  if (!(s >= 0 && e <= text.length && s < e)) {  // offsets do not fit: find the trigger words
    s = text.indexOf(ev.trigger);
    e = s + (ev.trigger || '').length;
  }
  if (s < 0) { p.textContent = text; return p; }
  const mark = document.createElement('mark');
  mark.className = 'trigger';
  mark.textContent = text.slice(s, e);
  p.append(text.slice(0, s), mark, text.slice(e));
  return p;
}

function showEvents(title, events) {
  state.title = title;
  state.shown = events;
  renderEvidence();
}

function renderEvidence() {
  const list = $('#evidence');
  $('#evidence-title').textContent = state.title ? state.title() : '';
  list.replaceChildren();
  if (state.title && !state.shown.length) {
    const li = document.createElement('li'); li.textContent = t('no_events'); list.append(li);
  }
  for (const ev of state.shown) {
    const li = document.createElement('li');
    li.className = 'event';
    li.dataset.eventId = ev.id;
    li.dataset.type = ev.event;
    const head = document.createElement('div');
    const type = document.createElement('span');
    type.className = 'type';
    type.textContent = ev.event + (ev.mode ? `/${ev.mode}` : '') + (ev.negated ? ` (${t('negated')})` : '');
    head.append(type, ` ${names(ev.actor)} → ${names(ev.recipient)}`);
    li.append(head, sentenceWithTrigger(ev));
    const meta = document.createElement('div');
    meta.className = 'meta';
    const doc = ev.document || state.doc || {};
    const src = doc.title || doc.source || ev.doc_id;
    const parts = [ev.date || '?', `${t('place')}: ${ev.location ? ev.location.name : '—'}`, `${t('source')}: ${src}`];
    meta.textContent = parts.join(' · ');
    if (doc.url && /^https?:\/\//.test(doc.url)) {
      const a = document.createElement('a'); a.href = doc.url; a.textContent = ' ↗'; a.rel = 'noopener noreferrer';
      meta.append(a);
    }
    li.append(meta);
    list.append(li);
  }
  list.dataset.state = state.shown.length ? 'ready' : 'empty';
  list.dataset.count = String(state.shown.length);
}

// ---- network and map --------------------------------------------------------------------------------

function renderLegend(net) {
  const box = $('#camps-legend');
  box.replaceChildren();
  net.camps.forEach((camp, i) => {
    const div = document.createElement('div');
    div.dataset.campLegend = String(i);
    const sw = document.createElement('span');
    sw.className = 'swatch camp';
    sw.style.background = CAMP_COLOURS[i % CAMP_COLOURS.length];
    const label = document.createElement('span');
    label.dataset.i18nCamp = String(i + 1);
    label.textContent = `${t('camp')} ${i + 1}: ${camp.map((id) => nameOf(net, id)).join(', ')}`;
    div.append(sw, label);
    box.append(div);
  });
}

function evidenceOf(ids) {
  const keep = new Set(ids);
  return state.events.filter((e) => keep.has(e.id));
}

async function onEdge(edge) {
  const net = state.net;
  const title = () => t('events_of_edge', { a: nameOf(net, edge.actor), r: nameOf(net, edge.recipient),
    n: state.shown.length });
  if (state.mode === 'paste') { showEvents(title, evidenceOf(edge.evidence)); return; }
  try {
    const page = await api(`/api/events${query({ actor: edge.actor, recipient: edge.recipient, from: $('#from').value,
      to: $('#to').value, limit: 500 })}`);
    showEvents(title, page.events);
  } catch (err) { status(`${t('error')}: ${err.message}`, true); }
}

async function onNode(node) {
  const title = () => t('events_of_actor', { a: node.name, n: state.shown.length });
  if (state.mode === 'paste') {
    const ids = state.net.edges.filter((e) => e.actor === node.id || e.recipient === node.id).flatMap((e) => e.evidence);
    showEvents(title, evidenceOf(ids));
    return;
  }
  try {
    const a = await api(`/api/actors/${encodeURIComponent(node.id)}${query({ from: $('#from').value,
      to: $('#to').value, limit: 500 })}`);
    showEvents(title, a.events);
  } catch (err) { status(`${t('error')}: ${err.message}`, true); }
}

function renderNetwork() {
  const net = state.net;
  if (!net) return;
  drawNetwork($('#network'), net, { onEdge, onNode });
  $('#network').dataset.mode = state.mode;
  $('#net-info').textContent = t('n_actors', { n: net.nodes.length, m: net.edges.length });
  renderLegend(net);
}

async function renderMap() {
  await drawMap($('#map'), state.events, (place, evs) => showEvents(() => t('events_at', { p: place }), evs));
}

// ---- actions ----------------------------------------------------------------------------------------

async function loadCorpus() {
  status(t('loading'));
  const seq = ++state.seq;  // a later action (a paste) wins over this one
  try {
    const params = { from: $('#from').value, to: $('#to').value };
    const net = await api(`/api/network${query(params)}`);
    const page = await api(`/api/events${query({ ...params, limit: 1000 })}`);
    if (seq !== state.seq) return;
    Object.assign(state, { mode: 'corpus', net, events: page.events, doc: null });
    renderNetwork();
    await renderMap();
    status(() => t('n_events', { n: page.total }));
  } catch (err) {
    if (seq !== state.seq) return;
    if (err.status === 503) { status(''); await renderMap(); return; }  // no database: paste mode only
    status(`${t('error')}: ${err.message}`, true);
  }
}

async function codePasted() {
  const text = $('#paste-text').value;
  if (!text.trim()) { status(t('need_text'), true); return; }
  const body = JSON.stringify({ text, lang: $('#paste-lang').value, date: $('#paste-date').value || null });
  status(t('coding'));
  $('#paste-submit').disabled = true;
  const seq = ++state.seq;
  try {
    const res = await api('/api/code', { method: 'POST', body });
    if (seq !== state.seq) return;
    Object.assign(state, { mode: 'paste', net: res.network, events: res.events,
      doc: { source: 'paste', doc_id: res.doc_id, date: $('#paste-date').value } });
    renderNetwork();
    showEvents(() => t('n_events', { n: res.events.length }), res.events);
    await renderMap();
    let st = null;
    if ($('#paste-store').checked) st = await api('/api/documents', { method: 'POST', body });
    status(() => t('n_events', { n: res.events.length })
      + (st ? ' ' + (st.stored ? t('stored', { n: st.events }) : t('already_stored')) : ''));
  } catch (err) {
    status(`${t('error')}: ${err.message}`, true);
  } finally {
    $('#paste-submit').disabled = false;
  }
}

async function main() {
  let lang = 'en';
  try { lang = localStorage.getItem('konflikt-lang') || (navigator.language || 'en').slice(0, 2); } catch (_e) { /* */ }
  await setLanguage(lang);
  $('#ui-lang').value = language();
  $('#ui-lang').addEventListener('change', async (e) => {
    await setLanguage(e.target.value);
    if (state.net) { $('#net-info').textContent = t('n_actors', { n: state.net.nodes.length, m: state.net.edges.length }); renderLegend(state.net); }
    renderEvidence();
    status(...lastStatus);
  });
  $('#token').addEventListener('change', (e) => { try { sessionStorage.setItem('konflikt-token', e.target.value); } catch (_e) { /* */ } });
  $('#apply').addEventListener('click', loadCorpus);
  $('#paste-submit').addEventListener('click', codePasted);
  await loadCorpus();
  document.body.dataset.ready = 'true';
}

main();
