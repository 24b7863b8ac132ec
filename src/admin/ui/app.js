/* global document, window, sessionStorage, navigator, location, SwaggerUIBundle */
'use strict';
// The dashboard: plain DOM, no framework. Everything that comes from the journal or the state (bodies,
// headers, paths, reasons) is hostile input and only ever set as text, never as markup.

(function dashboard() {
  const TOKEN_KEY = 'standin.adminToken';
  const MAX_ROWS = 500;
  const $ = (id) => document.getElementById(id);

  /** An element with text children only: strings become text nodes, never markup. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child instanceof window.Node ? child : document.createTextNode(String(child ?? '')));
    return node;
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  // --- the admin token: asked for once, when /__admin answers 401, kept for the tab's session ---

  let tokenWaiters = [];
  function askToken() {
    $('token-form').hidden = false;
    $('token').focus();
    return new Promise((resolve) => tokenWaiters.push(resolve));
  }
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value);
    $('token').value = '';
    $('token-form').hidden = true;
    const waiting = tokenWaiters;
    tokenWaiters = [];
    waiting.forEach((resolve) => resolve());
  });

  function authHeaders() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  /** An admin call with the token; a 401 asks for the token and tries again. */
  async function admin(method, path, body, signal) {
    for (;;) {
      const headers = { ...authHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      const res = await window.fetch(`/__admin${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
      if (res.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        await askToken();
        continue;
      }
      return res;
    }
  }

  async function adminJson(method, path, body) {
    const res = await admin(method, path, body);
    const text = await res.text();
    const value = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const problem = value && value.standin ? `${value.standin.error}: ${value.standin.message}` : `HTTP ${res.status}`;
      throw new Error(`${method} /__admin${path}: ${problem}`);
    }
    showError('');
    return value;
  }

  const report = (error) => showError(error.message || String(error));

  // --- tabs ---

  const loaders = {};
  function openPanel(name) {
    for (const button of document.querySelectorAll('#tabs button')) button.classList.toggle('active', button.dataset.panel === name);
    for (const panel of document.querySelectorAll('.panel')) panel.hidden = panel.id !== name;
    if (loaders[name]) loaders[name]().catch(report);
  }
  for (const button of document.querySelectorAll('#tabs button')) button.addEventListener('click', () => openPanel(button.dataset.panel));

  function fillSelect(select, values, keep) {
    const current = select.value;
    select.replaceChildren(...keep.map((v) => el('option', { value: v.value }, v.label)), ...values.map((v) => el('option', { value: v }, v)));
    if ([...select.options].some((o) => o.value === current)) select.value = current;
  }

  // --- journal: the ring first, then the live feed from the last id seen ---

  const journal = { lastId: 0, entries: new Map(), abort: undefined, selected: undefined };

  function journalQuery(extra) {
    const form = $('journal-filters');
    const params = new window.URLSearchParams();
    for (const name of ['api', 'namespace', 'status']) if (form.elements[name].value.trim()) params.set(name, form.elements[name].value.trim());
    for (const [name, value] of Object.entries(extra)) params.set(name, String(value));
    return params.toString();
  }

  /** The same test the server applies, so an entry that slips past an older server's filter is not shown. */
  function matches(entry) {
    const form = $('journal-filters');
    const api = form.elements.api.value;
    const namespace = form.elements.namespace.value.trim();
    const status = form.elements.status.value.trim().toLowerCase();
    if (api && entry.api !== api) return false;
    if (namespace && entry.namespace !== namespace) return false;
    if (/^[1-5]xx$/.test(status)) return String(entry.status)[0] === status[0];
    if (status) return String(entry.status) === status;
    return true;
  }

  function addEntry(entry) {
    if (!entry || typeof entry.id !== 'number' || journal.entries.has(entry.id)) return;
    journal.lastId = Math.max(journal.lastId, entry.id);
    if (!matches(entry)) return;
    journal.entries.set(entry.id, entry);
    const row = el(
      'tr',
      { 'data-id': String(entry.id), class: `status-${String(entry.status)[0]}`, onclick: () => showExchange(entry.id) },
      el('td', {}, entry.id),
      el('td', { title: entry.time || '' }, (entry.time || '').slice(11, 19)),
      el('td', {}, entry.api || ''),
      el('td', {}, entry.method || ''),
      el('td', { class: 'path', title: entry.path || '' }, entry.path || ''),
      el('td', { class: 'status' }, entry.status),
      el('td', { class: 'rule', title: entry.reason ? entry.reason.message : '' }, entry.reason ? entry.reason.rule : ''),
      el('td', {}, entry.namespace || ''),
      el('td', {}, entry.durationMs ?? ''),
    );
    const body = $('journal-table').tBodies[0];
    body.prepend(row);
    while (body.rows.length > MAX_ROWS) {
      const last = body.rows[body.rows.length - 1];
      journal.entries.delete(Number(last.dataset.id));
      last.remove();
    }
  }

  function setLive(on) {
    $('live').textContent = on ? 'live' : 'offline';
    $('live').className = `live ${on ? 'on' : 'off'}`;
  }

  /** Reads `id:` / `data:` events off a fetch() body: EventSource cannot send the Authorization header. */
  async function readStream(res, onEntry) {
    const reader = res.body.getReader();
    const decoder = new window.TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const data = block
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data) onEntry(JSON.parse(data));
      }
    }
  }

  const sleep = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));

  /** Follows the feed until the filters change; reconnects from the last id after a drop. */
  async function follow(signal) {
    while (!signal.aborted) {
      try {
        const res = await admin('GET', `/journal/stream?${journalQuery(journal.lastId ? { since: journal.lastId } : {})}`, undefined, signal);
        // A standin from before the feed answers the journal itself here, or 404.
        if (res.status === 404 || !(res.headers.get('content-type') || '').startsWith('text/event-stream')) return poll(signal);
        if (!res.ok || !res.body) throw new Error(`journal stream: HTTP ${res.status}`);
        setLive(true);
        await readStream(res, addEntry);
      } catch (error) {
        if (signal.aborted) return;
        if (error.name !== 'TypeError') report(error);
      }
      setLive(false);
      await sleep(1000);
    }
  }

  /** Where no stream is served: ask for what came after the last id every two seconds. */
  async function poll(signal) {
    while (!signal.aborted) {
      setLive(true);
      try {
        const page = await adminJson('GET', `/journal?${journalQuery({ limit: MAX_ROWS })}`);
        (page.entries || []).filter((e) => e.id > journal.lastId).forEach(addEntry);
      } catch (error) {
        report(error);
      }
      await sleep(2000);
    }
  }

  async function loadJournal() {
    if (journal.abort) journal.abort.abort();
    journal.abort = new window.AbortController();
    journal.lastId = 0;
    journal.entries.clear();
    $('journal-table').tBodies[0].replaceChildren();
    const page = await adminJson('GET', `/journal?${journalQuery({ limit: MAX_ROWS })}`);
    (page.entries || []).forEach(addEntry);
    follow(journal.abort.signal).catch(report);
  }

  $('journal-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadJournal().catch(report);
  });
  $('journal-clear').addEventListener('click', () => adminJson('DELETE', '/journal', { all: true }).then(loadJournal).catch(report));

  // --- one exchange, as kept ---

  function headerLines(headers) {
    return Object.entries(headers || {}).map(([name, value]) => `${name}: ${value}`);
  }

  function bodyText(body) {
    if (!body) return '';
    const cut = body.truncated ? `\n… (${body.size} bytes, cut)` : '';
    if (body.encoding === 'base64') return `(binary, ${body.size} bytes; base64 of the first bytes)\n${body.text}${cut}`;
    return `${body.text}${cut}`;
  }

  const shellQuote = (text) => `'${String(text).replace(/'/g, "'\\''")}'`;
  const SKIPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

  /** A curl that sends the request again, from what the journal kept: the masked values stay masked. */
  function curlFor(entry) {
    const request = entry.request || {};
    const url = request.url || entry.path || '/';
    const parts = [`curl -i -X ${entry.method} ${shellQuote(url.startsWith('/') ? `${location.origin}${url}` : url)}`];
    for (const [name, value] of Object.entries(request.headers || {}))
      if (!SKIPPED.has(name.toLowerCase())) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    const body = request.body;
    if (body && body.encoding === 'base64') return `echo ${shellQuote(body.text)} | base64 -d | ${parts.join(' \\\n  ')} --data-binary @-`;
    if (body && body.text) parts.push(`--data-binary ${shellQuote(body.text)}`);
    const command = parts.join(' \\\n  ');
    return body && body.truncated ? `# the body was cut at ${body.text.length} of ${body.size} bytes\n${command}` : command;
  }

  function showExchange(id) {
    const entry = journal.entries.get(id);
    if (!entry) return;
    journal.selected = entry;
    for (const row of $('journal-table').tBodies[0].rows) row.classList.toggle('selected', Number(row.dataset.id) === id);
    const request = entry.request || {};
    const response = entry.response || {};
    $('exchange').hidden = false;
    $('exchange-title').textContent =
      `#${entry.id} ${entry.method} ${entry.path} → ${entry.status} (${entry.api || 'no API'}, ${entry.operationId || 'no operation'}, ${entry.namespace})`;
    const reason = $('exchange-reason');
    reason.replaceChildren();
    if (entry.reason) reason.append(el('code', {}, entry.reason.rule), ' ', entry.reason.message);
    $('exchange-request').textContent = [`${entry.method} ${request.url || entry.path}`, ...headerLines(request.headers), '', bodyText(request.body)].join(
      '\n',
    );
    $('exchange-response').textContent = [`${entry.status}`, ...headerLines(response.headers), '', bodyText(response.body)].join('\n');
    const problems = { requestProblems: entry.requestProblems, responseProblems: entry.responseProblems, violations: entry.violations };
    const any = Object.values(problems).some((list) => list && list.length);
    $('exchange-problems-wrap').hidden = !any;
    $('exchange-problems').textContent = any ? JSON.stringify(problems, null, 2) : '';
    $('exchange-curl').textContent = curlFor(entry);
    $('copied').textContent = '';
  }

  $('copy-curl').addEventListener('click', async () => {
    const text = $('exchange-curl').textContent;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without clipboard permission (an insecure origin): select it, so Ctrl+C copies it.
      window.getSelection().selectAllChildren($('exchange-curl'));
      document.execCommand('copy');
    }
    $('copied').textContent = 'copied';
  });

  // --- state: one API's namespace as JSON, searchable ---

  let stateValue;

  const ownFields = (record) => Object.fromEntries(Object.entries(record).filter(([, v]) => !Array.isArray(v)));

  /** Only the branches where a key or a value contains the text (list items whole). */
  function prune(value, needle) {
    if (value === null || typeof value !== 'object') return String(value).toLowerCase().includes(needle) ? value : undefined;
    const kept = Array.isArray(value) ? [] : {};
    let any = false;
    for (const [key, child] of Object.entries(value)) {
      let hit = key.toLowerCase().includes(needle) ? child : prune(child, needle);
      if (hit === undefined) continue;
      // A record in a list that matches in its own fields is shown whole: its id and siblings are what the
      // match is read by. One that matches only inside a list it holds (an ecosystem's environments) is not.
      if (Array.isArray(value) && child && typeof child === 'object' && !Array.isArray(child) && prune(ownFields(child), needle) !== undefined) hit = child;
      any = true;
      if (Array.isArray(kept)) kept.push(hit);
      else kept[key] = hit;
    }
    return any ? kept : undefined;
  }

  function renderState() {
    const needle = $('state-form').elements.search.value.trim().toLowerCase();
    const shown = needle ? prune(stateValue, needle) : stateValue;
    $('state-json').textContent = shown === undefined ? (needle ? 'nothing matches' : '') : JSON.stringify(shown, null, 2);
  }

  async function loadState() {
    const form = $('state-form');
    const api = form.elements.api.value;
    if (!api) return;
    const used = await adminJson('GET', '/namespaces');
    fillSelect(
      form.elements.namespace,
      (used[api] || []).filter((n) => n !== 'default'),
      [{ value: 'default', label: 'default' }],
    );
    const dump = await adminJson('GET', `/state/${encodeURIComponent(api)}?namespace=${encodeURIComponent(form.elements.namespace.value)}`);
    stateValue = dump.state;
    $('state-count').textContent = `${dump.api} / ${dump.namespace}`;
    renderState();
  }
  loaders.state = loadState;
  $('state-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadState().catch(report);
  });
  $('state-form').elements.api.addEventListener('change', () => loadState().catch(report));
  $('state-form').elements.search.addEventListener('input', renderState);

  // --- namespaces in use ---

  loaders.namespaces = async () => {
    const used = await adminJson('GET', '/namespaces');
    $('namespaces-table').tBodies[0].replaceChildren(
      ...Object.entries(used).map(([api, names]) => el('tr', {}, el('td', {}, api), el('td', {}, (names || []).join(', ')))),
    );
    $('namespace-list').replaceChildren(...[...new Set(Object.values(used).flat())].map((name) => el('option', { value: name })));
  };

  // --- clock and faults ---

  function clockPath() {
    const namespace = $('clock-form').elements.namespace.value.trim();
    return namespace ? `/clock?namespace=${encodeURIComponent(namespace)}` : '/clock';
  }

  function showClock(view) {
    $('clock-now').textContent = view.now;
    $('clock-pinned').textContent = `${view.pinned ? 'pinned' : 'running'}${view.namespace ? ` (namespace ${view.namespace})` : ''}`;
  }

  async function loadClockAndFaults() {
    showClock(await adminJson('GET', clockPath()));
    $('faults-json').textContent = JSON.stringify(await adminJson('GET', '/faults'), null, 2);
  }
  loaders.clock = loadClockAndFaults;

  $('clock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    adminJson('PUT', clockPath(), { now: $('clock-form').elements.now.value.trim() })
      .then(showClock)
      .catch(report);
  });
  $('clock-release').addEventListener('click', () => adminJson('PUT', clockPath(), { now: null }).then(showClock).catch(report));

  $('fault-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = $('fault-form').elements;
    const fault = { api: form.api.value, times: Number(form.times.value || 1) };
    if (form.operationId.value.trim()) fault.operationId = form.operationId.value.trim();
    if (form.namespace.value.trim()) fault.namespace = form.namespace.value.trim();
    if (form.delayMs.value !== '') fault.delayMs = Number(form.delayMs.value);
    adminJson('POST', '/faults', fault).then(loadClockAndFaults).catch(report);
  });
  $('faults-clear').addEventListener('click', () => adminJson('DELETE', '/faults', { all: true }).then(loadClockAndFaults).catch(report));

  // --- API reference: Swagger UI, loaded from this standin on first use ---

  let swaggerLoaded;
  function loadSwagger() {
    swaggerLoaded ??= new Promise((resolve, reject) => {
      document.head.append(el('link', { rel: 'stylesheet', href: '/__admin/ui/swagger-ui.css' }));
      const script = el('script', { src: '/__admin/ui/swagger-ui-bundle.js' });
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error('cannot load Swagger UI')));
      document.head.append(script);
    });
    return swaggerLoaded;
  }

  async function showReference() {
    const api = $('reference-api').value;
    if (!api) return;
    await loadSwagger();
    // validatorUrl null: Swagger UI would otherwise send the spec to validator.swagger.io.
    SwaggerUIBundle({ url: `/__admin/ui/${encodeURIComponent(api)}.openapi.json`, dom_id: '#swagger', validatorUrl: null, deepLinking: false });
  }
  loaders.reference = showReference;
  $('reference-api').addEventListener('change', () => showReference().catch(report));

  // --- start ---

  async function start() {
    const health = await adminJson('GET', '/health');
    const apis = health.apis || [];
    fillSelect($('journal-filters').elements.api, apis, [{ value: '', label: 'all' }]);
    for (const select of [$('state-form').elements.api, $('fault-form').elements.api, $('reference-api')]) fillSelect(select, apis, []);
    await loadJournal();
  }
  start().catch(report);
})();
