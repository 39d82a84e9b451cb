// Draw each feedback distribution; the table next to each chart carries the same figures.
(function () {
  var source = document.getElementById("feedback-charts");
  if (!source || typeof Chart === "undefined") { return; }
  JSON.parse(source.textContent).forEach(function (chart) {
    var canvas = document.getElementById(chart.id);
    if (!canvas) { return; }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: ["1", "2", "3", "4", "5"],
        datasets: [{ data: chart.data, backgroundColor: "#1f5f8b" }]
      },
      options: {
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
