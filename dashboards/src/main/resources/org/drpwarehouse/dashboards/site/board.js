/*
 * Board dashboard: draws the figures embedded in the page (already aggregated and suppressed)
 * with the bundled charting library. Loads nothing from anywhere: it opens from file://.
 * A withheld figure is {"n": "c"} and is shown as c; nothing here computes a figure the page was
 * not given, except sums and shares of published figures.
 */
(function () {
  'use strict';

  var errors = [];
  function report(message) {
    errors.push(String(message));
    var list = document.getElementById('errors');
    if (list) {
      var item = document.createElement('li');
      item.textContent = String(message);
      list.appendChild(item);
      list.hidden = false;
      list.setAttribute('data-errors', String(errors.length));
    }
  }
  window.addEventListener('error', function (event) {
    report('error: ' + (event.message || event.type) + (event.filename ? ' at ' + event.filename + ':' + event.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (event) { report('unhandled rejection: ' + event.reason); });
  var consoleError = console.error;
  console.error = function () {
    report('console.error: ' + Array.prototype.slice.call(arguments).join(' '));
    return consoleError.apply(console, arguments);
  };

  var C = 'c';
  var NAVY = '#12355b', BLUE = '#1f6fb2', TEAL = '#2a9d8f', AMBER = '#e9a23b', RED = '#c0392b', GREY = '#c9ced4';
  var data = JSON.parse(document.getElementById('board-data').textContent);
  var charts = [];
  var state = { authority: null, year: null };

  // ---- formatting ------------------------------------------------------------------------------

  function number(n) { return Number(n).toLocaleString('en-GB'); }
  function isWithheld(count) { return !count || count.n === C; }
  function countText(count) {
    if (!count) { return '–'; }
    if (count.n === C) { return C; }
    return (count.partial ? 'at least ' : '') + number(count.n);
  }
  function shareText(share) {
    if (!share || share.share === null || share.share === undefined) { return 'no cases'; }
    if (share.share === C) { return C; }
    return Math.round(share.share) + '%' + (share.partial ? '*' : '');
  }
  function shareDetail(share, what) {
    if (!share || share.share === null || share.share === undefined) { return 'No ' + what + ' in this year'; }
    if (share.share === C) { return 'Withheld: too few to show'; }
    return number(share.num) + ' of ' + number(share.den) + ' ' + what;
  }
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  // ---- notes: what each chart counts, in which period ------------------------------------------

  var notes = [];
  function note(text) {
    notes.push(text);
    return notes.length;
  }
  function caption(id, text, dictionary) {
    var n = note(text + ' Metric dictionary (docs/metric-dictionary.md): ' + dictionary + '.');
    var cap = document.getElementById(id);
    cap.textContent = text + ' [' + n + ']';
    cap.setAttribute('data-note', String(n));
  }
  function renderNotes() {
    var list = clear(document.getElementById('footnotes'));
    notes.forEach(function (text) { list.appendChild(el('li', {}, text)); });
  }

  // ---- charts -----------------------------------------------------------------------------------

  function chart(id) {
    var node = document.getElementById(id);
    var existing = echarts.getInstanceByDom(node);
    if (existing) { existing.dispose(); }
    var instance = echarts.init(node, null, { renderer: 'svg' });
    charts.push(instance);
    return instance;
  }
  var axisName = { nameLocation: 'middle', nameGap: 42, nameTextStyle: { fontSize: 13, color: '#56606b' } };
  function axis(extra) { return Object.assign({}, axisName, extra); }
  function countBar(count, color) {
    if (isWithheld(count)) {
      return { value: 0, label: { show: true, position: 'top', formatter: C, color: '#56606b' }, itemStyle: { color: GREY } };
    }
    return { value: count.n, label: { show: true, position: 'top', formatter: countText(count) }, itemStyle: { color: color } };
  }
  function sharePoint(share) {
    if (!share || typeof share.share !== 'number') { return null; }
    return share.share;
  }

  function drawDisputes(figures) {
    var t = figures.trend;
    var colours = [NAVY, BLUE, TEAL];
    var series = t.disputesByProcess.map(function (p, i) {
      return {
        type: 'bar', name: p.process, stack: 'raised', barMaxWidth: 46,
        itemStyle: { color: colours[i % colours.length] },
        label: { show: true, position: 'inside', color: '#fff', fontSize: 11,
          formatter: function (item) { return item.value ? countText(p.values[item.dataIndex]) : ''; } },
        data: p.values.map(function (c) { return isWithheld(c) ? 0 : c.n; })
      };
    });
    chart('chart-disputes').setOption({
      title: { text: 'Disputes raised each quarter', left: 0, textStyle: { fontSize: 15 } },
      grid: { left: 64, right: 16, top: 64, bottom: 64 },
      legend: { top: 24, left: 0 },
      tooltip: { trigger: 'axis', formatter: function (items) {
        return items[0].axisValue + '<br>' + items.map(function (item) {
          return item.seriesName + ': ' + countText(t.disputesByProcess[item.seriesIndex].values[item.dataIndex]);
        }).join('<br>');
      } },
      xAxis: axis({ type: 'category', data: t.quarters, name: 'Financial quarter', axisLabel: { rotate: 30, fontSize: 11 } }),
      yAxis: axis({ type: 'value', name: 'Disputes raised', minInterval: 1 }),
      series: series
    });
    caption('cap-disputes', 'Disputes raised about looked-after children, child protection plans and partner agencies, ' +
      'counted in the financial quarter each dispute started (its first stage opened); a process withheld (c) in a quarter ' +
      'is left out of its bar. Reverse challenges are counted apart.', 'mart_disputes: disputes');
  }

  function drawTimeliness(figures) {
    var t = figures.trend;
    chart('chart-timeliness').setOption({
      title: { text: 'Timeliness each quarter', left: 0, textStyle: { fontSize: 15 } },
      grid: { left: 64, right: 16, top: 64, bottom: 64 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? C : Math.round(v) + '%'; } },
      legend: { top: 24, left: 0, data: ['Stage responses on time', 'Formal disputes resolved within 20 working days'] },
      xAxis: axis({ type: 'category', data: t.quarters, name: 'Financial quarter', axisLabel: { rotate: 30, fontSize: 11 } }),
      yAxis: axis({ type: 'value', name: 'Per cent', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }),
      series: [
        { type: 'line', name: 'Stage responses on time', data: t.onTime.map(sharePoint), connectNulls: false,
          itemStyle: { color: BLUE }, symbolSize: 7 },
        { type: 'line', name: 'Formal disputes resolved within 20 working days', data: t.within20.map(sharePoint),
          connectNulls: false, itemStyle: { color: TEAL }, symbolSize: 7 }
      ]
    });
    caption('cap-timeliness', 'Of the stage responses due in each quarter, the share received on time (on time ÷ on time, late ' +
      'and overdue; a response counts in the quarter it was due); and of the formal disputes that ended in each quarter, the ' +
      'share ended within 20 working days of the first formal stage. A gap is a withheld share (c).',
      'mart_stage_timeliness: on_time, assessed; mart_endings: formal_within_limit, formal_limit_assessed');
  }

  function drawYearTable(figures) {
    var table = clear(document.getElementById('year-table'));
    table.appendChild(el('caption', {}, 'Each financial year (1 April to 31 March)'));
    var head = el('thead');
    var row = el('tr');
    ['Financial year', 'Disputes raised', 'Stage responses on time', 'Resolved within 20 working days', 'Bypasses',
      'Referrals to Cafcass'].forEach(function (h) { row.appendChild(el('th', { scope: 'col' }, h)); });
    head.appendChild(row);
    table.appendChild(head);
    var body = el('tbody');
    figures.yearTable.forEach(function (line) {
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, line.year + (line.year === lastYear(figures) ? ' (to ' + data.publication.asOf + ')' : '')));
      [countText(line.disputes), shareText(line.onTime), shareText(line.within20), countText(line.bypasses),
        countText(line.cafcass)].forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }

  function lastYear(figures) { return figures.years[figures.years.length - 1]; }

  function drawCards(figures, year) {
    var h = figures.byYear[year].headline;
    var cards = clear(document.getElementById('cards'));
    function card(title, figure, detail, id, mart) {
      if (mart && !has(mart)) {
        figure = '–';
        detail = 'Not part of this publication';
      }
      var c = el('div', { 'class': 'card', id: id });
      c.appendChild(el('h3', {}, title));
      c.appendChild(el('p', { 'class': 'figure' }, figure));
      c.appendChild(el('p', { 'class': 'detail' }, detail));
      cards.appendChild(c);
    }
    var processes = h.byProcess.filter(function (p) { return p.process !== 'REVERSE'; })
      .map(function (p) { return p.label + ' ' + countText(p); }).join(' · ');
    var reverse = h.byProcess.filter(function (p) { return p.process === 'REVERSE'; })[0];
    card('Disputes raised in ' + year, countText(h.disputes),
      processes + (reverse ? '. Reverse challenges to IROs: ' + countText(reverse) : ''), 'card-disputes', 'mart_disputes');
    card('Stage responses on time', shareText(h.onTime), shareDetail(h.onTime, 'responses due in the year'), 'card-on-time',
      'mart_stage_timeliness');
    card('Formal disputes resolved within 20 working days', shareText(h.within20),
      shareDetail(h.within20, 'formal disputes ended') + '. Open now and already past 20 working days: ' +
      countText(figures.open.pastLimit), 'card-within-20', 'mart_endings');
    card('Open disputes on ' + data.publication.asOf, countText(figures.open.total),
      countText(figures.open.formal) + ' at a formal stage, ' + countText(figures.open.pastLimit) + ' past 20 working days',
      'card-open', 'mart_open_disputes');
    card('Stages bypassed', countText(h.bypasses), countText(h.bypassesWithoutConsultation) +
      ' without a manager consulted first; ' + countText(h.bypassesConsulted) + ' with', 'card-bypasses',
      'mart_bypass_transitions');
    card('Referrals to Cafcass', countText(h.cafcass), 'Concurrent with the dispute process: ' + shareText(h.cafcassConcurrent) +
      '. Discussed with Cafcass but not referred: ' + countText(h.consultedNoReferral), 'card-cafcass', 'mart_cafcass');
  }

  function drawStages(figures, year) {
    var stages = figures.byYear[year].stages;
    var labels = stages.map(function (s) { return s.process + ' · ' + s.stage; });
    chart('chart-stages').setOption({
      title: { text: 'Stage responses on time, ' + year, left: 0, textStyle: { fontSize: 15 } },
      grid: { left: 210, right: 48, top: 44, bottom: 56 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: axis({ type: 'value', name: 'Per cent of responses due that came on time', min: 0, max: 100, nameGap: 32,
        axisLabel: { formatter: '{value}%' } }),
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: 12 } },
      series: [{ type: 'bar', name: 'On time', data: stages.map(function (s) {
        var v = s.onTimeShare;
        if (!v || typeof v.share !== 'number') {
          return { value: 0, label: { show: true, position: 'right', formatter: v && v.share === C ? C : 'no cases' } };
        }
        return { value: v.share, label: { show: true, position: 'right', formatter: shareText(v) }, itemStyle: { color: BLUE } };
      }) }]
    });
    caption('cap-stages', 'For each stage of each dispute process, the share of responses due in ' + year +
      ' that came on time, of those on time, late or overdue (a response counts in the year it was due).',
      'mart_stage_timeliness: on_time, late, overdue, assessed, median_wd_to_respond');
    var table = clear(document.getElementById('stage-table'));
    table.appendChild(el('caption', {}, 'Responses due in ' + year + ', by stage'));
    var head = el('thead');
    var tr = el('tr');
    ['Stage', 'Due', 'On time', 'Late', 'Overdue', 'Still within time', 'Median working days to respond']
      .forEach(function (h) { tr.appendChild(el('th', { scope: 'col' }, h)); });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    stages.forEach(function (s, i) {
      var row = el('tr');
      row.appendChild(el('th', { scope: 'row' }, labels[i]));
      [countText(s.visitsDue), countText(s.onTime), countText(s.late), countText(s.overdue), countText(s.pending),
        s.median === C ? C : (s.median === null || s.median === undefined ? '–' : String(s.median))]
        .forEach(function (v) { row.appendChild(el('td', {}, v)); });
      body.appendChild(row);
    });
    table.appendChild(body);
  }

  function drawFlows(figures, year) {
    var f = figures.byYear[year].flows;
    var notesNode = clear(document.getElementById('flow-notes'));
    var instance = chart('chart-flows');
    if (!f.links.length) {
      instance.setOption({ title: { text: 'No moves between stages to show for ' + year, left: 'center', top: 'middle',
        textStyle: { fontSize: 15, color: '#56606b' } } });
    } else {
      instance.setOption({
        title: { text: 'Moves between stages of disputes raised in ' + year, left: 0, textStyle: { fontSize: 15 } },
        tooltip: { trigger: 'item' },
        series: [{
          type: 'sankey', top: 44, left: 8, right: 120, bottom: 8, nodeGap: 14, draggable: false,
          emphasis: { focus: 'adjacency' },
          label: { fontSize: 13 },
          lineStyle: { color: 'source', opacity: 0.35 },
          data: f.nodes.map(function (name, i) {
            var palette = ['#56606b', TEAL, '#5b8fc7', BLUE, NAVY, '#0b2240'];
            return { name: name, itemStyle: { color: palette[Math.min(i, palette.length - 1)] } };
          }),
          links: f.links.map(function (l) {
            var bypass = !isWithheld(l.bypasses) && l.bypasses.n > 0;
            return { source: l.from, target: l.to, value: l.n,
              lineStyle: bypass && l.bypasses.n === l.n ? { color: AMBER, opacity: 0.6 } : undefined };
          })
        }]
      });
    }
    var totals = figures.byYear[year].headline;
    var p = el('p', { 'class': 'flow-notes' }, 'Bypasses in ' + year + ': ' + countText(totals.bypasses) + ' (' +
      countText(totals.bypassesWithoutConsultation) + ' without a manager consulted first). Moves that skip a stage are drawn in amber.');
    notesNode.appendChild(p);
    if (f.withheld.length) {
      notesNode.appendChild(el('p', { 'class': 'flow-notes' }, 'Not drawn, withheld (c): ' +
        f.withheld.map(function (l) { return l.from + ' → ' + l.to; }).join('; ') + '.'));
    }
    if (f.other.length) {
      notesNode.appendChild(el('p', { 'class': 'flow-notes' }, 'Not drawn, moves back to an earlier or the same stage: ' +
        f.other.map(function (l) { return l.from + ' → ' + l.to + ' (' + countText(l) + ')'; }).join('; ') + '.'));
    }
    caption('cap-flows', 'Each band is the number of stage visits of disputes raised in ' + year +
      ' that moved from one stage to the next ("Raised" is where each dispute entered the process); a transition counts in the ' +
      'year its dispute started.', 'mart_bypass_transitions: transitions, bypasses, bypasses_without_consultation');
  }

  function drawThemes(figures) {
    var h = figures.heatmap;
    var values = [], withheld = [], max = 6;
    h.cells.forEach(function (cell) {
      var x = h.quarters.indexOf(cell.quarter), y = h.themes.indexOf(cell.theme);
      if (x < 0 || y < 0) { return; }
      if (cell.n === C) { withheld.push([x, y, 0]); } else { values.push([x, y, cell.n]); max = Math.max(max, cell.n); }
    });
    var instance = chart('chart-themes');
    document.getElementById('chart-themes').style.height = Math.max(240, 80 + 26 * h.themes.length) + 'px';
    instance.resize();
    instance.setOption({
      title: { text: 'Disputes raised each quarter, by theme', left: 0, textStyle: { fontSize: 15 } },
      grid: { left: 260, right: 24, top: 44, bottom: 90 },
      tooltip: { formatter: function (p) { return h.themes[p.value[1]] + ', ' + h.quarters[p.value[0]] + ': ' +
        (p.seriesIndex === 1 ? C : number(p.value[2])); } },
      xAxis: axis({ type: 'category', data: h.quarters, name: 'Financial quarter', nameGap: 56, axisLabel: { rotate: 30, fontSize: 11 } }),
      yAxis: { type: 'category', data: h.themes, inverse: true, axisLabel: { fontSize: 12 } },
      visualMap: { seriesIndex: 0, min: 0, max: max, calculable: false, orient: 'horizontal', left: 'right', bottom: 0,
        itemHeight: 120, text: ['more', 'fewer'], inRange: { color: ['#eef4fa', '#9cc3e4', NAVY] } },
      series: [
        { type: 'heatmap', data: values, label: { show: true, fontSize: 11 } },
        { type: 'heatmap', data: withheld, itemStyle: { color: '#f1f2f4' },
          label: { show: true, formatter: C, color: '#56606b', fontSize: 11 } }
      ]
    });
    caption('cap-themes', 'Disputes raised in each financial quarter by their theme (the authority\'s category mapped to the ' +
      'common list of themes); a dispute counts in the quarter it started. Only themes with disputes are listed.',
      'mart_themes: disputes');
  }

  function drawCafcass(figures, year) {
    var stages = [];
    figures.years.forEach(function (y) {
      figures.byYear[y].cafcassByStage.forEach(function (s) { if (stages.indexOf(s.stage) < 0) { stages.push(s.stage); } });
    });
    var colours = [TEAL, BLUE, NAVY, AMBER];
    chart('chart-cafcass').setOption({
      title: { text: 'Referrals to Cafcass each financial year', left: 0, textStyle: { fontSize: 15 } },
      grid: { left: 64, right: 16, top: 64, bottom: 56 },
      legend: { top: 24, left: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: axis({ type: 'category', data: figures.years, name: 'Financial year (1 April to 31 March)', nameGap: 32 }),
      yAxis: axis({ type: 'value', name: 'Referrals', minInterval: 1 }),
      series: stages.map(function (stage, i) {
        var values = figures.years.map(function (y) {
          return figures.byYear[y].cafcassByStage.filter(function (s) { return s.stage === stage; })[0];
        });
        return { type: 'bar', name: 'Made at ' + stage, stack: 'referrals', barMaxWidth: 70,
          itemStyle: { color: colours[i % colours.length] },
          label: { show: true, position: 'inside', color: '#fff',
            formatter: function (item) { return item.value ? countText(values[item.dataIndex]) : ''; } },
          data: values.map(function (c) { return isWithheld(c) ? 0 : c.n; }) };
      })
    });
    caption('cap-cafcass', 'Referrals of a child\'s case to Cafcass in each financial year, by the stage the dispute had ' +
      'reached; a referral counts in the year of its referral date, and a stage withheld (c) in a year is left out of its bar.',
      'mart_cafcass: referrals, concurrent, notice_compliant, informed; mart_disputes: cafcass_consulted_no_referral');
    var h = figures.byYear[year].headline;
    var table = clear(document.getElementById('cafcass-table'));
    table.appendChild(el('caption', {}, 'Referrals to Cafcass in ' + year));
    var body = el('tbody');
    function line(label, value) {
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, label));
      tr.appendChild(el('td', {}, value));
      body.appendChild(tr);
    }
    line('Referrals', countText(h.cafcass));
    figures.byYear[year].cafcassByStage.forEach(function (s) { line('… made at ' + s.stage, countText(s)); });
    line('Concurrent with invoking the dispute process', shareText(h.cafcassConcurrent));
    line('Notice given in time, where the policy asks for it', shareText(h.cafcassNotice));
    line('Named people told first, where the policy asks for it', shareText(h.cafcassInformed));
    line('Discussed with Cafcass but not referred', countText(h.consultedNoReferral));
    table.appendChild(body);
  }

  function drawOpen(figures) {
    var o = figures.open;
    chart('chart-open').setOption({
      title: { text: 'Disputes open on ' + data.publication.asOf + ', by working days since raised', left: 0,
        textStyle: { fontSize: 15 } },
      grid: { left: 64, right: 16, top: 64, bottom: 56 },
      tooltip: { trigger: 'axis' },
      legend: { top: 24, left: 0, data: ['All open disputes', 'At a formal stage', 'Formal and past 20 working days'] },
      xAxis: axis({ type: 'category', data: o.bands.map(function (b) { return b.band; }), name: 'Age since the dispute was raised',
        nameGap: 32 }),
      yAxis: axis({ type: 'value', name: 'Open disputes', minInterval: 1 }),
      series: [
        { type: 'bar', name: 'All open disputes', data: o.bands.map(function (b) { return countBar(b.open, NAVY); }), itemStyle: { color: NAVY } },
        { type: 'bar', name: 'At a formal stage', data: o.bands.map(function (b) { return countBar(b.formal, BLUE); }), itemStyle: { color: BLUE } },
        { type: 'bar', name: 'Formal and past 20 working days', data: o.bands.map(function (b) { return countBar(b.pastLimit, RED); }),
          itemStyle: { color: RED } }
      ]
    });
    caption('cap-open', 'Disputes still open on ' + data.publication.asOf + ' (the as-of date of this publication), by working ' +
      'days since they were raised; formal ones past the 20 working-day limit are shown beside them.',
      'mart_open_disputes: open_disputes, formal_open, formal_past_limit');
  }

  function drawQuality(authority) {
    var body = clear(document.getElementById('quality-body'));
    var pub = data.publication;
    var box = el('div', { 'class': 'quality ' + authority.status });
    var verdict = authority.status === 'PASS' ? 'passed every data-quality check'
      : 'was published with warnings the board should read beside the figures';
    box.appendChild(el('p', {}, authority.name + ': the data ' + verdict + '. Overall status of publication ' + pub.id + ': ' +
      pub.status + '.'));
    if (authority.findings.length) {
      var list = el('ul');
      authority.findings.forEach(function (f) {
        var li = el('li');
        li.appendChild(el('span', { 'class': 'rule' }, f.rule));
        li.appendChild(document.createTextNode(': ' + f.message));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    body.appendChild(box);
    var withheld = data.authorities.filter(function (a) { return a.status === 'WITHHELD'; });
    if (withheld.length) {
      var p = el('p', {}, 'Withheld from this publication because their data failed a check: ');
      withheld.forEach(function (a, i) {
        if (i) { p.appendChild(document.createTextNode(', ')); }
        p.appendChild(el('a', { href: a.page }, a.name));
      });
      body.appendChild(p);
    }
    if (pub.reportLink) {
      var r = el('p');
      r.appendChild(document.createTextNode('The full data-quality report: '));
      r.appendChild(el('a', { href: pub.reportLink }, pub.reportLink));
      body.appendChild(r);
    }
  }

  // ---- page -------------------------------------------------------------------------------------

  function has(mart) { return data.publication.marts.indexOf(mart) >= 0; }

  /** Draws a section, or says it is not in this publication when its marts were not given. */
  function section(id, marts, draw) {
    var node = document.getElementById(id);
    var old = node.querySelector('.missing');
    if (old) { node.removeChild(old); }
    var missing = marts.filter(function (m) { return !has(m); });
    node.classList.toggle('absent', missing.length > 0);
    if (missing.length) {
      var p = el('p', { 'class': 'missing notice' }, 'Not part of this publication (it holds no ' + missing.join(', ') + ').');
      node.insertBefore(p, node.children[1] || null);
      return;
    }
    draw();
  }

  function published() { return data.authorities.filter(function (a) { return a.status !== 'WITHHELD'; }); }

  function render() {
    charts = [];
    notes = [];
    var authority = data.authorities.filter(function (a) { return a.code === state.authority; })[0];
    var figures = authority.figures;
    document.getElementById('title').textContent = authority.name + ': dispute resolution';
    document.getElementById('subtitle').textContent = 'Figures as of ' + data.publication.asOf + ' · publication ' +
      data.publication.id + ' · published ' + data.publication.publishedAt;
    var badge = document.getElementById('quality-badge');
    badge.className = 'badge ' + authority.status;
    badge.textContent = authority.status === 'PASS' ? 'Data quality: passed' : 'Data quality: published with warnings';
    var years = document.getElementById('year');
    clear(years);
    figures.years.slice().reverse().forEach(function (y) {
      years.appendChild(el('option', { value: y }, y + (y === lastYear(figures) ? ' (to date)' : '')));
    });
    if (!figures.years.length) {
      document.getElementById('report').hidden = true;
      drawQuality(authority);
      renderNotes();
      return;
    }
    document.getElementById('report').hidden = false;
    if (figures.years.indexOf(state.year) < 0) { state.year = figures.defaultYear; }
    years.value = state.year;
    drawCards(figures, state.year);
    section('trends', ['mart_disputes'], function () {
      drawDisputes(figures);
      drawTimeliness(figures);
      drawYearTable(figures);
    });
    section('stages', ['mart_stage_timeliness'], function () { drawStages(figures, state.year); });
    section('flows', ['mart_bypass_transitions'], function () { drawFlows(figures, state.year); });
    section('themes', ['mart_themes'], function () { drawThemes(figures); });
    section('cafcass', ['mart_cafcass'], function () { drawCafcass(figures, state.year); });
    section('open', ['mart_open_disputes'], function () { drawOpen(figures); });
    drawQuality(authority);
    note('Headline figures are for the financial year ' + state.year + ' and for disputes raised about looked-after children, ' +
      'child protection plans and partner agencies; a total of stages or processes adds up the published figures only. ' +
      'Metric dictionary (docs/metric-dictionary.md): mart_disputes, mart_stage_timeliness, mart_endings, ' +
      'mart_open_disputes, mart_bypass_transitions, mart_cafcass.');
    renderNotes();
  }

  function start() {
    var shown = published();
    var select = document.getElementById('authority');
    if (!shown.length) {
      document.getElementById('report').hidden = true;
      document.getElementById('controls').hidden = true;
      var none = document.getElementById('none-published');
      none.hidden = false;
      none.appendChild(el('p', {}, 'No authority\'s figures are published in ' + data.publication.id +
        ': the data of each failed a quality check. '));
      data.authorities.forEach(function (a) {
        var p = el('p');
        p.appendChild(el('a', { href: a.page }, a.name + ': why its figures are withheld'));
        none.appendChild(p);
      });
      document.getElementById('title').textContent = 'Dispute resolution: figures withheld';
      drawQualityNone();
      return;
    }
    data.authorities.forEach(function (a) {
      select.appendChild(el('option', { value: a.code }, a.name + (a.status === 'WITHHELD' ? ' (withheld)' : '')));
    });
    if (data.authorities.length < 2) { document.getElementById('authority-choice').hidden = true; }
    var wanted = decodeURIComponent((location.hash || '').replace(/^#/, ''));
    state.authority = shown.some(function (a) { return a.code === wanted; }) ? wanted : shown[0].code;
    select.value = state.authority;
    select.addEventListener('change', function () {
      var chosen = data.authorities.filter(function (a) { return a.code === select.value; })[0];
      if (chosen.status === 'WITHHELD') { location.href = chosen.page; return; }
      state.authority = chosen.code;
      location.hash = chosen.code;
      render();
    });
    document.getElementById('year').addEventListener('change', function (event) {
      state.year = event.target.value;
      render();
    });
    render();
  }

  function drawQualityNone() {
    var body = clear(document.getElementById('quality-body'));
    body.appendChild(el('p', {}, 'Overall status of publication ' + data.publication.id + ': ' + data.publication.status + '.'));
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  try {
    start();
  } catch (e) {
    report('error: ' + (e && e.stack ? e.stack : e));
  }
  document.documentElement.setAttribute('data-ready', 'true');
})();
