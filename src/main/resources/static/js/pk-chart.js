// Draws the PK curve (level over time after the dose), its 90 % band and the measured samples.
document.addEventListener("DOMContentLoaded", function () {
  var canvas = document.getElementById("pk-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var curve = JSON.parse(canvas.dataset.curve || "[]");
  var samples = JSON.parse(canvas.dataset.samples || "[]");
  function points(rows, column) {
    return rows.map(function (row) { return { x: row[0], y: row[column] }; });
  }
  new Chart(canvas, {
    type: "scatter",
    data: {
      datasets: [
        { label: canvas.dataset.labelBand, data: points(curve, 3), showLine: true, pointRadius: 0,
          borderWidth: 0, backgroundColor: "rgba(163,22,43,0.15)", fill: "+1" },
        { label: "", data: points(curve, 2), showLine: true, pointRadius: 0, borderWidth: 0 },
        { label: canvas.dataset.labelLevel, data: points(curve, 1), showLine: true, pointRadius: 0,
          borderColor: "#a3162b", borderWidth: 2 },
        { label: canvas.dataset.labelSamples, data: samples.map(function (s) { return { x: s[0], y: s[1] }; }),
          pointRadius: 5, backgroundColor: "#1b1f24" }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      // taller on a phone, so the curve is readable at 360 px
      aspectRatio: window.innerWidth < 600 ? 1.2 : 2,
      scales: {
        x: { title: { display: true, text: canvas.dataset.labelHours } },
        y: { type: "logarithmic", min: 0.5, title: { display: true, text: "IU/dL" },
             ticks: { autoSkip: false, callback: function (value) {
               return [1, 2, 5, 10, 20, 50, 100, 200].indexOf(value) >= 0 ? value : null; } } }
      },
      plugins: { legend: { labels: { filter: function (item) { return item.text !== ""; } } } }
    }
  });
});
