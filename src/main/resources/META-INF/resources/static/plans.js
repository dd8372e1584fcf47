// Rule editor: live check (debounced) and preview. No inline script (CSP default-src 'self').
(function () {
  'use strict';
  var form = document.getElementById('plan-form');
  if (!form) return;
  var check = document.getElementById('check');
  var preview = document.getElementById('preview');
  var timer = null;

  function mode() {
    var m = form.querySelector('input[name="mode"]:checked');
    return m ? m.value : 'expression';
  }

  function words(name) {
    return form.elements[name].value.split(/[\n\r,，、;；]+/).map(function (w) { return w.trim(); })
      .filter(function (w) { return w.length > 0; });
  }

  function draft() {
    if (mode() === 'slots') {
      return { slots: { regions: words('regions'), subjects: words('subjects'), events: words('events'),
        exclusions: words('exclusions') } };
    }
    return { rule: form.elements.rule.value };
  }

  function csrfToken() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute('content') : '';
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body) }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, body: j }; });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // The rule with the offending character marked (a caret under it), built from text nodes only.
  function showError(text, error) {
    check.replaceChildren();
    check.className = 'check bad';
    check.appendChild(el('p', 'error', error.message));
    if (mode() !== 'expression') return;
    var chars = Array.from(text);
    var at = Math.max(0, Math.min(error.position - 1, chars.length));
    var pre = el('pre', 'rule-echo');
    pre.appendChild(document.createTextNode(chars.slice(0, at).join('')));
    var bad = el('span', 'caret', at < chars.length ? chars[at] : ' ');
    bad.title = '第 ' + error.position + ' 个字符';
    pre.appendChild(bad);
    pre.appendChild(document.createTextNode(chars.slice(at + 1).join('')));
    check.appendChild(pre);
  }

  function runCheck() {
    var d = draft();
    if (mode() === 'expression' && d.rule.trim() === '') { check.replaceChildren(); check.className = 'check'; return; }
    post('/app/plans/check', d).then(function (res) {
      if (res.ok && res.body.valid) {
        check.replaceChildren(el('p', 'ok', '规则有效：' + res.body.compiled));
        check.className = 'check good';
      } else if (res.ok && res.body.errors && res.body.errors.length) {
        showError(d.rule || '', res.body.errors[0]);
      } else {
        showError('', { position: 1, message: res.body.message || '校验失败' });
      }
    }).catch(function () { check.replaceChildren(el('p', 'error', '校验请求失败，请检查网络或重新登录')); });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(runCheck, 300);
  }

  function runPreview() {
    var d = draft();
    d.days = parseInt(document.getElementById('days').value, 10) || 7;
    preview.replaceChildren(el('p', 'hint', '正在预览……'));
    post('/app/plans/preview', d).then(function (res) {
      preview.replaceChildren();
      if (!res.ok) { preview.appendChild(el('p', 'error', res.body.message || '预览失败')); return; }
      var p = res.body;
      preview.appendChild(el('h2', null, '近 ' + p.days + ' 天扫描 ' + p.scanned + ' 条，命中 ' + p.matched + ' 条'
        + (p.matched > p.posts.length ? '（列出前 ' + p.posts.length + ' 条）' : '')));
      var list = el('ol', 'hits');
      p.posts.forEach(function (post) {
        var li = el('li');
        var title = el(/^https?:\/\//i.test(post.url || '') ? 'a' : 'span', 'title');
        if (title.tagName === 'A') { title.href = post.url; title.rel = 'noopener noreferrer'; title.target = '_blank'; }
        title.innerHTML = post.title; // server-escaped, only <mark> added (Highlighter)
        li.appendChild(title);
        li.appendChild(el('span', 'hint', ' ' + (post.publishedAt || '').replace('T', ' ').slice(0, 16)));
        var snippet = el('p', 'snippet');
        snippet.innerHTML = post.snippet; // server-escaped, only <mark> added
        li.appendChild(snippet);
        list.appendChild(li);
      });
      preview.appendChild(list);
    }).catch(function () { preview.replaceChildren(el('p', 'error', '预览请求失败')); });
  }

  form.addEventListener('input', function (e) {
    if (e.target.name === 'rule' || ['regions', 'subjects', 'events', 'exclusions'].indexOf(e.target.name) >= 0) schedule();
  });
  form.querySelectorAll('input[name="mode"]').forEach(function (r) {
    r.addEventListener('change', function () {
      document.getElementById('mode-expression').hidden = mode() !== 'expression';
      document.getElementById('mode-slots').hidden = mode() !== 'slots';
      schedule();
    });
  });
  var button = document.getElementById('preview-button');
  if (button) button.addEventListener('click', runPreview);
  runCheck();
})();
