// The leaders' dashboard and 大屏 (docs/reports.md): reads /app/dashboard/data (data-api of #dash-charts; the JSON of
// /api/dashboard with the page's session) and draws the charts
// with ECharts, served by the application. Clicking a bar, point or slice opens the drill-down page of the incidents
// behind it. Text from the data (unit names, incident titles) is only ever set as ECharts text (canvas) or textContent,
// never as HTML; tooltips render as rich text (no HTML, no inline styles: the CSP has no 'unsafe-inline').
(function () {
  'use strict';
  var root = document.getElementById('dash-charts');
  if (!root || !window.echarts) return;
  var screen = root.dataset.screen === '1';
  var refresh = parseInt(root.dataset.refresh || '0', 10);
  var zone = root.dataset.zone || 'Asia/Shanghai';
  var statusEl = root.querySelector('[data-status]');
  var charts = {};
  var text = screen ? '#e6f0ff' : '#243b53';
  var axis = screen ? '#9fb3c8' : '#52606d';
  var big = screen ? 16 : 12;
  var split = { lineStyle: { color: screen ? '#1f3b5c' : '#e4e7eb' } };
  var palette = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8', '#4db6ac', '#f06292', '#a1887f', '#90a4ae'];
  var RED = '#e53935';

  function chart(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    if (!charts[id]) charts[id] = echarts.init(el, null, { renderer: 'canvas' });
    return charts[id];
  }

  function drillUrl(extra) {
    var p = new URLSearchParams(root.dataset.query || '');
    Object.keys(extra).forEach(function (k) { p.set(k, extra[k]); });
    return '/app/dashboard/incidents?' + p.toString();
  }

  function onClick(c, paramsOf) {
    c.off('click');
    c.on('click', function (e) {
      var extra = paramsOf(e);
      if (extra) window.location.assign(drillUrl(extra));
    });
  }

  function pct(v) { return v === null || v === undefined ? '—' : v + '%'; }
  function base() {
    return {
      color: palette,
      backgroundColor: 'transparent',
      textStyle: { color: text, fontSize: big },
      tooltip: { renderMode: 'richText', confine: true, textStyle: { fontSize: big } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }
    };
  }
  function merge(a, b) { Object.keys(b).forEach(function (k) { a[k] = b[k]; }); return a; }

  function trend(d) {
    var c = chart('chart-trend');
    if (!c) return;
    var x = d.trend.map(function (t) { return t.start; });
    c.setOption(merge(base(), {
      legend: { top: 0, textStyle: { color: text, fontSize: big } },
      tooltip: { renderMode: 'richText', trigger: 'axis', textStyle: { fontSize: big } },
      xAxis: { type: 'category', data: x, axisLabel: { color: axis, fontSize: big } },
      yAxis: [
        { type: 'value', name: '件', minInterval: 1, axisLabel: { color: axis }, nameTextStyle: { color: axis }, splitLine: split },
        { type: 'value', name: '%', min: 0, max: 100, axisLabel: { color: axis }, nameTextStyle: { color: axis }, splitLine: { show: false } }
      ],
      series: [
        { name: '舆情事件', type: 'bar', data: d.trend.map(function (t) { return t.incidents; }) },
        { name: '目标时限内回应率', type: 'line', yAxisIndex: 1, connectNulls: true,
          data: d.trend.map(function (t) { return t.onTimeTargetRate; }) },
        { name: '最迟时限内回应率', type: 'line', yAxisIndex: 1, connectNulls: true,
          data: d.trend.map(function (t) { return t.onTimeLimitRate; }) }
      ]
    }), true);
    onClick(c, function (e) {
      var t = d.trend[e.dataIndex];
      if (!t) return null;
      var m = e.seriesIndex === 0 ? 'all' : e.seriesIndex === 1 ? 'lateTarget' : 'lateLimit';
      return { from: t.from, to: t.to, measure: m };
    });
  }

  function slicesPie(id, slices) {
    var c = chart(id);
    if (!c) return;
    c.setOption(merge(base(), {
      tooltip: { renderMode: 'richText', trigger: 'item', formatter: '{b}：{c} 件（{d}%）', textStyle: { fontSize: big } },
      series: [{ type: 'pie', radius: ['35%', '68%'], avoidLabelOverlap: true,
        label: { color: text, fontSize: big, formatter: '{b}\n{c} 件' },
        data: slices.map(function (s) { return { name: s.label, value: s.count }; }) }]
    }), true);
    onClick(c, function (e) { var s = slices[e.dataIndex]; return s && s.drill ? s.drill : null; });
  }

  function slicesBar(id, slices, horizontal, colorOf) {
    var c = chart(id);
    if (!c) return;
    var names = slices.map(function (s) { return s.label; });
    var data = slices.map(function (s, i) {
      return { value: s.count, itemStyle: colorOf ? { color: colorOf(s, i) } : undefined };
    });
    var cat = { type: 'category', data: names, inverse: horizontal, axisLabel: { color: axis, fontSize: big, width: 150, overflow: 'truncate' } };
    var val = { type: 'value', minInterval: 1, axisLabel: { color: axis }, splitLine: split };
    c.setOption(merge(base(), {
      tooltip: { renderMode: 'richText', trigger: 'item', formatter: '{b}：{c} 件', textStyle: { fontSize: big } },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? cat : val,
      series: [{ type: 'bar', data: data, label: { show: true, position: horizontal ? 'right' : 'top', color: text, fontSize: big } }]
    }), true);
    onClick(c, function (e) { var s = slices[e.dataIndex]; return s && s.drill ? s.drill : null; });
  }

  function units(d) {
    var c = chart('chart-units');
    if (!c) return;
    var rows = d.units;
    c.setOption(merge(base(), {
      tooltip: { renderMode: 'richText', trigger: 'item', textStyle: { fontSize: big },
        formatter: function (p) {
          var u = rows[p.dataIndex];
          return '第 ' + u.rank + ' 名 ' + u.name + '\n最迟时限内回应 ' + pct(u.onTimeLimitRate) + '（' + u.onTimeLimit.count + '/' + u.onTimeLimit.of + '）'
            + '\n反馈率 ' + pct(u.feedbackRate) + '（' + u.feedback.count + '/' + u.feedback.of + '）'
            + '\n办结率 ' + pct(u.completionRate) + '（' + u.completion.count + '/' + u.completion.of + '）'
            + '\n超期 ' + u.overdue + (u.flagged ? '\n低于底线' : '');
        } },
      grid: { left: 8, right: screen ? 120 : 150, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, name: '%', axisLabel: { color: axis }, nameTextStyle: { color: axis }, splitLine: split },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (u) { return u.rank + '. ' + u.name; }),
        axisLabel: { color: axis, fontSize: big, width: 170, overflow: 'truncate' } },
      series: [{ type: 'bar',
        data: rows.map(function (u) {
          return { value: u.onTimeLimitRate === null ? 0 : u.onTimeLimitRate, itemStyle: { color: u.flagged ? RED : palette[0] } };
        }),
        label: { show: true, position: 'right', color: text, fontSize: big,
          formatter: function (p) {
            var u = rows[p.dataIndex];
            return pct(u.onTimeLimitRate) + '（' + u.onTimeLimit.count + '/' + u.onTimeLimit.of + '）' + (u.flagged ? ' ▼低于底线' : '');
          } } }]
    }), true);
    onClick(c, function (e) { var u = rows[e.dataIndex]; return u ? { unitId: u.id, measure: 'assigned' } : null; });
  }

  function instructions(d) {
    var i = d.instructions;
    slicesPie('chart-instructions', [
      { label: '办理中', count: i.open - i.openOverdue, drill: { measure: 'instructionOpen' } },
      { label: '超期未完成', count: i.openOverdue, drill: { measure: 'instructionOpenOverdue' } },
      { label: '按时完成', count: i.doneOnTime, drill: { measure: 'instructionDone' } },
      { label: '超期完成', count: i.doneLate, drill: { measure: 'instructionDoneLate' } }
    ]);
  }

  function overdue(d) {
    var body = root.querySelector('[data-overdue]');
    if (!body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    if (!d.overdue.length) {
      var tr0 = document.createElement('tr');
      var td0 = document.createElement('td');
      td0.colSpan = 6;
      td0.textContent = '当前没有超期事项。';
      tr0.appendChild(td0);
      body.appendChild(tr0);
      return;
    }
    var fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    (screen ? d.overdue.slice(0, 8) : d.overdue).forEach(function (o) {
      var tr = document.createElement('tr');
      var a = document.createElement('a');
      a.href = '/app/incidents/' + encodeURIComponent(o.incidentId);
      a.textContent = o.title;
      var cells = [a, o.grade ? o.grade + ' 级' : '未定级', o.unit, o.clockLabel, fmt.format(new Date(o.limitAt)), duration(o.overdueMinutes)];
      cells.forEach(function (v, idx) {
        var td = document.createElement('td');
        if (v instanceof Node) td.appendChild(v); else td.textContent = v === null || v === undefined ? '—' : String(v);
        if (idx === 5) td.className = 'late';
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function duration(min) {
    if (min < 60) return min + ' 分钟';
    var h = Math.floor(min / 60);
    if (h < 48) return h + ' 小时 ' + (min % 60) + ' 分';
    return Math.floor(h / 24) + ' 天 ' + (h % 24) + ' 小时';
  }

  function kpis(d) {
    root.querySelectorAll('[data-k]').forEach(function (el) {
      var k = el.dataset.k;
      var v = d.figures[k];
      el.textContent = /Rate$/.test(k) ? pct(v) : String(v);
    });
  }

  function draw(d) {
    var range = root.querySelector('[data-range]');
    if (range) range.textContent = d.scope.from + ' 至 ' + d.scope.to + '（北京时间）';
    kpis(d);
    trend(d);
    slicesPie('chart-grade', d.byGrade);
    slicesBar('chart-category', d.byCategory, true);
    slicesBar('chart-county', d.byCounty, true);
    units(d);
    slicesBar('chart-escalations', d.escalations, false, function (s, i) { return ['#90caf9', '#ffb74d', '#ff8a65', RED][i]; });
    instructions(d);
    overdue(d);
  }

  function status(msg, error) {
    if (!statusEl) return;
    statusEl.textContent = msg;
    statusEl.classList.toggle('error', !!error);
  }

  function load() {
    fetch(root.dataset.api, { credentials: 'same-origin', headers: { Accept: 'application/json' }, redirect: 'manual' })
      .then(function (r) {
        if (r.type === 'opaqueredirect' || r.status === 401) throw new Error('登录已过期，请重新登录');
        if (r.status === 403) throw new Error('没有查看看板的权限');
        if (!r.ok) throw new Error('数据加载失败（HTTP ' + r.status + '）');
        return r.json();
      })
      .then(function (d) {
        draw(d);
        var at = new Date(d.at).toLocaleTimeString('zh-CN', { timeZone: zone, hour12: false });
        status((screen ? '更新于 ' : '统计时间 ') + at + (refresh > 0 ? '，每 ' + refresh + ' 秒刷新' : '') + (screen ? '' : '。点击图中的柱、点或扇区查看对应的舆情事件。'), false);
      })
      .catch(function (e) { status(e.message || '数据加载失败', true); })
      .then(function () { if (refresh > 0) window.setTimeout(load, refresh * 1000); });
  }

  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  load();
})();
