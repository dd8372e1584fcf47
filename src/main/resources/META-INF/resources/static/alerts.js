// 预警队列: live updates (server-sent events from /app/alerts/stream) and keyboard triage.
// Crawled text is hostile: everything from the stream is put into the page with textContent, never as HTML.
(function () {
  'use strict';
  var table = document.getElementById('alert-queue');
  if (!table) return;
  var tbody = table.tBodies[0];
  var filters = document.getElementById('alert-filters').dataset;
  var state = document.getElementById('live-state');
  var help = document.getElementById('help');
  var reasonDialog = document.getElementById('reason');
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var GRADE = { I: 'I 级 特别重大', II: 'II 级 重大', III: 'III 级 较大', IV: 'IV 级 一般' };
  var STATUS = { 'new': '待核实', confirmed: '已确认', dismissed: '已排除', assigned: '已交办', closed: '已办结', merged: '已合并' };
  var categories = {};
  Array.prototype.forEach.call(document.querySelectorAll('select[name="category"] option'), function (o) {
    if (o.value) categories[o.value] = o.textContent;
  });
  var selected = -1;
  var timeFormat = new Intl.DateTimeFormat('en-CA', { timeZone: filters.zone || 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function rows() { return Array.prototype.filter.call(tbody.rows, function (r) { return r.dataset.alert; }); }

  function local(iso) {
    if (!iso) return '—';
    // in the configured zone, as the server renders it: 2026-03-01 08:00
    var parts = {};
    timeFormat.formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + (parts.hour === '24' ? '00' : parts.hour) + ':' + parts.minute;
  }

  function matches(a) {
    if (filters.all !== 'true' && a.ackedAt) return false;
    if (filters.grade && a.grade !== filters.grade) return false;
    if (filters.category && a.category !== filters.category) return false;
    if (filters.county && a.county !== filters.county) return false;
    if (filters.status && a.status !== filters.status) return false;
    if (filters.plan && (a.planIds || []).map(String).indexOf(filters.plan) < 0) return false;
    if (filters.hours && new Date(a.createdAt).getTime() < Date.now() - Number(filters.hours) * 3600 * 1000) return false;
    return true;
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    if (cls) td.className = cls;
    if (text instanceof Node) td.appendChild(text); else td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function render(a) {
    var tr = document.createElement('tr');
    tr.dataset.alert = a.id;
    tr.dataset.incident = a.incidentId || '';
    tr.dataset.status = a.status || '';
    tr.tabIndex = -1;
    cell(tr, local(a.createdAt));
    var tag = document.createElement('span'); tag.className = 'tag warn'; tag.textContent = a.kindLabel; cell(tr, tag);
    var title = document.createElement(a.incidentId ? 'a' : 'span');
    if (a.incidentId) title.href = '/app/incidents/' + a.incidentId;
    title.textContent = a.title;
    var td = cell(tr, title);
    if (a.summary) { var p = document.createElement('p'); p.className = 'snippet'; p.textContent = a.summary; td.appendChild(p); }
    cell(tr, GRADE[a.grade] || '—');
    cell(tr, categories[a.category] || a.category || '—');
    cell(tr, a.county || '—');
    cell(tr, STATUS[a.status] || '—');
    if (a.ackedAt) {
      var box = document.createElement('span');
      box.textContent = a.ackedBy + ' ';
      var when = document.createElement('span'); when.className = 'hint'; when.textContent = local(a.ackedAt);
      box.appendChild(when);
      cell(tr, box, 'ack');
    } else {
      var form = document.createElement('form'); form.method = 'post'; form.action = '/app/alerts/' + a.id + '/ack';
      var token = document.createElement('input'); token.type = 'hidden'; token.name = '_csrf'; token.value = csrf; form.appendChild(token);
      var b = document.createElement('button'); b.type = 'submit'; b.className = 'small'; b.textContent = '确认'; form.appendChild(b);
      cell(tr, form, 'ack');
    }
    return tr;
  }

  function upsert(a) {
    var existing = tbody.querySelector('tr[data-alert="' + a.id + '"]');
    var wanted = matches(a);
    if (!wanted) { if (existing) existing.remove(); return; }
    var fresh = render(a);
    if (existing) { existing.replaceWith(fresh); fresh.classList.add('changed'); }
    else {
      var empty = tbody.querySelector('tr.empty'); if (empty) empty.remove();
      tbody.insertBefore(fresh, tbody.firstChild); fresh.classList.add('fresh');
      if (selected >= 0) selected++;
    }
    highlight();
  }

  function connect() {
    if (!window.EventSource) { state.textContent = '浏览器不支持实时更新，请手动刷新'; return; }
    var es = new EventSource('/app/alerts/stream');
    es.addEventListener('ready', function () { state.textContent = '实时更新：已连接'; state.classList.add('ok'); });
    es.addEventListener('alert', function (e) { upsert(JSON.parse(e.data)); });
    es.onerror = function () { state.textContent = '实时更新：连接中断，正在重连…'; state.classList.remove('ok'); };
  }

  function highlight() {
    var list = rows();
    list.forEach(function (r, i) { r.classList.toggle('selected', i === selected); });
    if (selected >= 0 && list[selected]) list[selected].focus({ preventScroll: false });
  }

  function current() { var list = rows(); return selected >= 0 ? list[selected] : null; }

  function act(kind, reason) {
    var row = current();
    if (!row || !row.dataset.incident) return;
    var body = new URLSearchParams();
    body.set('_csrf', csrf);
    if (reason) body.set('reason', reason);
    fetch('/app/incidents/' + row.dataset.incident + '/' + kind, {
      method: 'POST', credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-CSRF-Token': csrf }, body: body
    }).then(function (r) {
      if (r.type === 'opaqueredirect' || r.ok || r.status === 303) {
        row.dataset.status = kind === 'confirm' ? 'confirmed' : 'dismissed';
        row.cells[6].textContent = STATUS[row.dataset.status];
        row.classList.add('changed');
        state.textContent = kind === 'confirm' ? '已确认事件' : '已排除事件';
      } else {
        return r.text().then(function () { state.textContent = '操作未完成（' + r.status + '）：请打开事件查看'; });
      }
    });
  }

  function ask(title, label, required, then) {
    document.getElementById('reason-title').textContent = title;
    document.getElementById('reason-label').textContent = label;
    var form = document.getElementById('reason-form');
    var area = form.elements.reason;
    var error = document.getElementById('reason-error');
    area.value = ''; error.textContent = '';
    reasonDialog.showModal();
    area.focus();
    // Ctrl+Enter (or ⌘+Enter) submits without the mouse; a plain Enter stays a new line in the reason.
    area.onkeydown = function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); reasonDialog.close('ok'); }
    };
    reasonDialog.onclose = function () {
      if (reasonDialog.returnValue !== 'ok') return;
      if (required && !area.value.trim()) { error.textContent = '请填写理由'; reasonDialog.showModal(); return; }
      then(area.value.trim());
    };
  }

  document.getElementById('help-open').addEventListener('click', function () { help.showModal(); });
  document.addEventListener('keydown', function (e) {
    if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (help.open || reasonDialog.open) return;
    var list = rows();
    switch (e.key) {
      case 'j': selected = Math.min(list.length - 1, selected + 1); highlight(); break;
      case 'k': selected = Math.max(0, selected - 1); highlight(); break;
      case 'Enter': case 'o': if (current() && current().dataset.incident) location.href = '/app/incidents/' + current().dataset.incident; break;
      case 'c': if (current()) ask('确认事件', '说明（可不填）', false, function (r) { act('confirm', r); }); break;
      case 'd': if (current()) ask('排除事件', '排除理由（必填）', true, function (r) { act('dismiss', r); }); break;
      case 'a': if (current() && current().dataset.incident) location.href = '/app/incidents/' + current().dataset.incident + '#assign'; break;
      case 'x': if (current()) { var f = current().querySelector('td.ack form'); if (f) f.submit(); } break;
      case '?': help.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });
  connect();
})();
