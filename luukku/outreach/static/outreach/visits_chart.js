// Visits per day with the days a message went out marked; the page has the same figures as a table.
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("visits-chart");
    var source = document.getElementById("visits-data");
    if (!canvas || !source || typeof Chart === "undefined") { return; }
    var points = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: points.map(function (p) { return p.day; }),
        datasets: [
          { label: canvas.dataset.visitsLabel || "Visits", data: points.map(function (p) { return p.visits; }),
            borderColor: "#1f5f8b", pointRadius: 0, tension: 0.2 },
          { label: canvas.dataset.messageLabel || "Message sent", type: "scatter",
            data: points.map(function (p) { return p.message ? p.visits : null; }),
            pointRadius: 6, pointStyle: "triangle", backgroundColor: "#a4262c", borderColor: "#a4262c" }
        ]
      },
      options: { animation: false, scales: { y: { beginAtZero: true } } }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
