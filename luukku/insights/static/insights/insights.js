// Draws the analytics charts from the page's JSON; every chart also has a data table.
(function () {
  "use strict";
  const BRAND = "#1f5f8b";
  const ACCENT = "#a4161a";
  const GREY = "#6b6b6b";

  function draw(id, config) {
    const canvas = document.getElementById(id);
    if (canvas && window.Chart) new window.Chart(canvas, config);
  }

  function bar(labels, datasets, options) {
    return {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options || {}),
    };
  }

  function start() {
    const source = document.getElementById("insights-charts");
    if (!source || !window.Chart) return;
    const data = JSON.parse(source.textContent);
    const visits = data.visits;
    draw("chart-visits", bar(visits.labels, [{
      label: visits.label,
      data: visits.values,
      backgroundColor: visits.messages.map(function (sent) { return sent ? ACCENT : BRAND; }),
    }], { plugins: { legend: { display: false }, tooltip: { callbacks: {
      footer: function (items) { return visits.messages[items[0].dataIndex] ? visits.messageLabel : ""; },
    } } } }));
    draw("chart-active", bar(data.active.labels, [{ label: data.active.label, data: data.active.values, backgroundColor: BRAND }]));
    draw("chart-day-parts", bar(data.dayParts.labels, [{ label: data.dayParts.label, data: data.dayParts.values, backgroundColor: BRAND }], { indexAxis: "y" }));
    draw("chart-weekend", bar(data.weekend.labels, [{ label: data.weekend.label, data: data.weekend.values, backgroundColor: BRAND }], { indexAxis: "y" }));
    draw("chart-sections", bar(data.sections.labels, [{ label: data.sections.label, data: data.sections.values, backgroundColor: BRAND }]));
    draw("chart-retention", {
      type: "line",
      data: { labels: data.retention.labels, datasets: [{ label: data.retention.label, data: data.retention.values, borderColor: BRAND, backgroundColor: BRAND }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100 } } },
    });
    const colours = [BRAND, ACCENT, GREY];
    draw("chart-discussion", bar(data.discussion.labels, data.discussion.series.map(function (series, index) {
      return { label: series.label, data: series.values, backgroundColor: colours[index % colours.length] };
    }), { scales: { x: { stacked: true }, y: { stacked: true } } }));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
