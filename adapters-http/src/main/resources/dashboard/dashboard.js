// The mcp-usage dashboard: reads the analytics API, keeps its state in the URL, refreshes in place.
(function () {
  'use strict';

  const RANGES = {
    '1h': { hours: 1, series: 'hourly', seriesParam: 'hours=1' },
    '24h': { hours: 24, series: 'hourly', seriesParam: 'hours=24' },
    '7d': { hours: 168, series: 'hourly', seriesParam: 'hours=168' },
    '30d': { hours: 720, series: 'daily', seriesParam: 'days=30' },
    '180d': { hours: 4320, series: 'daily', seriesParam: 'days=180' }
  };
  const FILTERS = ['tool_category', 'tool_name', 'server_name', 'client_type'];
  const REFRESH_MS = 5000;
  const PALETTE = ['#2f6fed', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#9c755f', '#ff9da7', '#bab0ac'];

  const state = readUrl();
  const charts = {};
  let sortKey = 'call_count';
  let lastTools = [];
  const known = { tool_category: new Set(), tool_name: new Set(), server_name: new Set(), client_type: new Set() };

  function takeTokenFromHash() {
    const hashToken = new URLSearchParams(location.hash.slice(1)).get('token');
    if (hashToken) {
      localStorage.setItem('mcp-usage-token', hashToken);
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    takeTokenFromHash();
    const result = { range: RANGES[params.get('range')] ? params.get('range') : '24h' };
    FILTERS.forEach(name => { result[name] = params.get(name) || ''; });
    return result;
  }

  function writeUrl() {
    const params = new URLSearchParams();
    params.set('range', state.range);
    FILTERS.forEach(name => { if (state[name]) params.set(name, state[name]); });
    history.replaceState(null, '', location.pathname + '?' + params.toString());
  }

  function filterQuery() {
    return FILTERS.filter(name => state[name]).map(name => '&' + name + '=' + encodeURIComponent(state[name])).join('');
  }

  async function api(path) {
    const headers = {};
    const token = localStorage.getItem('mcp-usage-token');
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, { headers });
    if (response.status === 401) {
      document.getElementById('auth').hidden = false;
      throw new Error('a reader token is needed');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.message || ('HTTP ' + response.status));
    }
    return response.json();
  }

  function chart(id, type, options) {
    if (!charts[id]) {
      charts[id] = new Chart(document.getElementById(id), {
        type,
        data: { labels: [], datasets: [] },
        options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options)
      });
    }
    return charts[id];
  }

  function update(id, labels, datasets) {
    const target = charts[id];
    target.data.labels = labels;
    // reuse dataset objects so Chart.js updates in place instead of redrawing from scratch
    datasets.forEach((dataset, i) => {
      if (target.data.datasets[i] && target.data.datasets[i].label === dataset.label) {
        Object.assign(target.data.datasets[i], dataset);
      } else {
        target.data.datasets[i] = dataset;
      }
    });
    target.data.datasets.length = datasets.length;
    target.update('none');
  }

  function bucketLabel(iso, series) {
    const date = new Date(iso);
    return series === 'daily' ? iso.slice(0, 10) : date.toISOString().slice(5, 16).replace('T', ' ');
  }

  function renderSeries(rows, series) {
    const buckets = [...new Set(rows.map(r => r.bucket))].sort();
    const categories = [...new Set(rows.map(r => r.tool_category))].sort();
    const calls = {};
    const errors = {};
    rows.forEach(r => {
      calls[r.bucket + '|' + r.tool_category] = (calls[r.bucket + '|' + r.tool_category] || 0) + r.call_count;
      errors[r.bucket] = errors[r.bucket] || { calls: 0, errors: 0 };
      errors[r.bucket].calls += r.call_count;
      errors[r.bucket].errors += r.error_count;
    });
    const labels = buckets.map(b => bucketLabel(b, series));
    chart('chart-calls', 'bar', { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
    update('chart-calls', labels, categories.map((category, i) => ({
      label: category,
      data: buckets.map(b => calls[b + '|' + category] || 0),
      backgroundColor: PALETTE[i % PALETTE.length]
    })));
    chart('chart-errors', 'line', { scales: { y: { beginAtZero: true } } });
    update('chart-errors', labels, [{
      label: 'error rate %',
      data: buckets.map(b => Math.round(errors[b].errors * 10000 / errors[b].calls) / 100),
      borderColor: '#e15759', backgroundColor: '#e15759', pointRadius: 2, tension: 0.2
    }]);
  }

  function renderTools(tools) {
    lastTools = tools;
    const top = tools.slice(0, 14);
    // the same tool name on two servers is two rows: the server tells their bars apart
    const servers = new Set(top.map(t => t.server_name));
    const label = t => servers.size > 1 ? t.tool_name + ' (' + t.server_name + ')' : t.tool_name;
    // every tool gets its label: Chart.js would skip every other one where they look crowded
    chart('chart-latency', 'bar', { indexAxis: 'y', scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } } });
    update('chart-latency', top.map(label), [
      { label: 'p50', data: top.map(t => t.p50_response_time_ms), backgroundColor: PALETTE[2] },
      { label: 'p95', data: top.map(t => t.p95_response_time_ms), backgroundColor: PALETTE[1] },
      { label: 'p99', data: top.map(t => t.p99_response_time_ms), backgroundColor: PALETTE[3] }
    ]);
    renderTable();
  }

  function renderTable() {
    const rows = [...lastTools].sort((a, b) => b[sortKey] - a[sortKey] || a.tool_name.localeCompare(b.tool_name));
    const body = document.querySelector('#tools tbody');
    body.replaceChildren(...rows.map(t => {
      const tr = document.createElement('tr');
      [t.tool_name, t.tool_category, t.server_name, t.call_count.toLocaleString(), t.error_count.toLocaleString(), t.error_rate.toFixed(2) + ' %',
        Math.round(t.avg_response_time_ms).toLocaleString('en-US'), t.p95_response_time_ms, t.p50_response_time_ms + ' / ' + t.p99_response_time_ms,
        t.last_call_at ? t.last_call_at.replace('T', ' ').slice(0, 19) : '–'].forEach((value, i) => {
        const td = document.createElement('td');
        td.textContent = value;
        if (i >= 3) td.className = 'num';
        tr.appendChild(td);
      });
      return tr;
    }));
    document.querySelectorAll('th button').forEach(b => b.classList.toggle('sorted', b.dataset.sort === sortKey));
  }

  function renderClients(clients) {
    chart('chart-clients', 'doughnut', { plugins: { legend: { position: 'right' } } });
    update('chart-clients', clients.map(c => c.client_type + ' (' + c.unique_sessions + ' sessions)'), [{
      label: 'calls', data: clients.map(c => c.call_count),
      backgroundColor: clients.map((c, i) => PALETTE[i % PALETTE.length])
    }]);
  }

  function renderSources(sources) {
    chart('chart-sources', 'bar', { indexAxis: 'y', scales: { x: { beginAtZero: true } }, plugins: { legend: { display: false } } });
    update('chart-sources', sources.map(s => s.source_id), [{
      label: 'calls', data: sources.map(s => s.call_count), backgroundColor: PALETTE[0]
    }]);
  }

  function renderSummary(summary) {
    document.getElementById('card-calls').textContent = summary.total_calls.toLocaleString();
    // without a call there is no rate or latency to show, only the dash the other cards show
    const any = summary.total_calls > 0;
    document.getElementById('card-success').textContent = any ? summary.success_rate.toFixed(2) + ' %' : '–';
    document.getElementById('card-p95').textContent = any ? summary.p95_response_time_ms + ' ms' : '–';
    document.getElementById('card-latency').textContent = any
      ? `avg ${Math.round(summary.avg_response_time_ms).toLocaleString('en-US')} ms · p50 ${summary.p50_response_time_ms} · p99 ${summary.p99_response_time_ms}`
      : '';
    document.getElementById('card-sessions').textContent = summary.unique_sessions.toLocaleString();
    showBreakable(document.getElementById('card-tool'), summary.most_used_tool || '–');
    document.getElementById('card-category').textContent = summary.most_used_category || '–';
  }

  // a long snake_case name wraps after an underscore, not in the middle of a word
  function showBreakable(element, text) {
    const parts = text.split('_');
    element.replaceChildren(...parts.flatMap((part, i) =>
      i < parts.length - 1 ? [part + '_', document.createElement('wbr')] : [part]));
  }

  function rememberOptions(tools, clients) {
    tools.forEach(t => {
      known.tool_category.add(t.tool_category);
      known.tool_name.add(t.tool_name);
      known.server_name.add(t.server_name);
    });
    // 'unknown' stands for calls without a client type, which no filter value selects
    clients.filter(c => c.client_type !== 'unknown').forEach(c => known.client_type.add(c.client_type));
    FILTERS.forEach(name => {
      const select = document.getElementById(name);
      const values = [...known[name]].sort();
      if (state[name] && !values.includes(state[name])) values.push(state[name]);
      if (select.options.length - 1 !== values.length) {
        select.replaceChildren(new Option('all', ''), ...values.map(v => new Option(v, v)));
      }
      select.value = state[name];
    });
  }

  async function refresh() {
    const range = RANGES[state.range];
    const filters = filterQuery();
    const base = '/api/mcp/analytics/';
    try {
      const [summary, series, tools, clients, sources] = await Promise.all([
        api(base + 'summary?hours=' + range.hours + filters),
        api(base + range.series + '?' + range.seriesParam + filters),
        api(base + 'tools?hours=' + range.hours + filters),
        api(base + 'clients?hours=' + range.hours + filters),
        api(base + 'knowledge-bases?limit=10&hours=' + range.hours + filters)
      ]);
      const empty = summary.total_calls === 0 && !FILTERS.some(name => state[name]);
      document.getElementById('empty').hidden = !empty;
      document.getElementById('auth').hidden = true;
      renderSummary(summary);
      renderSeries(series.data, range.series);
      renderTools(tools.data);
      renderClients(clients.data);
      renderSources(sources.data);
      rememberOptions(tools.data, clients.data);
      document.body.dataset.loaded = state.range;
      document.getElementById('status').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (error) {
      document.getElementById('status').textContent = 'not updated: ' + error.message;
    }
  }

  document.querySelectorAll('#ranges button').forEach(button => {
    button.classList.toggle('active', button.dataset.range === state.range);
    button.addEventListener('click', () => {
      state.range = button.dataset.range;
      document.querySelectorAll('#ranges button').forEach(b => b.classList.toggle('active', b === button));
      writeUrl();
      refresh();
    });
  });
  FILTERS.forEach(name => document.getElementById(name).addEventListener('change', event => {
    state[name] = event.target.value;
    writeUrl();
    refresh();
  }));
  document.querySelectorAll('th button').forEach(button => button.addEventListener('click', () => {
    sortKey = button.dataset.sort;
    renderTable();
  }));
  document.getElementById('save-token').addEventListener('click', () => {
    localStorage.setItem('mcp-usage-token', document.getElementById('token').value.trim());
    refresh();
  });

  window.addEventListener('hashchange', () => {
    takeTokenFromHash();
    refresh();
  });

  window.mcpUsageDashboard = { charts, refresh };
  writeUrl();
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
