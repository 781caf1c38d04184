// Draws a chart above each table marked data-chart="stacked-bar" or "line", from the table itself: the header
// cells after the first name the series (their data-color gives the colour, data-label a short name), each body row is a
// category with its numbers. The table stays for screen readers and for printing.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('table[data-chart="stacked-bar"], table[data-chart="line"]').forEach((table) => {
    const line = table.dataset.chart === 'line';
    const headers = Array.from(table.querySelectorAll('thead th')).slice(1);
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    const labels = rows.map((row) => row.cells[0].textContent.trim());
    const datasets = headers.map((header, i) => ({
      // A short data-label keeps the legend small on a phone; the table keeps the full name.
      label: header.dataset.label || header.textContent.trim(),
      backgroundColor: header.dataset.color,
      borderColor: header.dataset.color,
      // A cell's number is its data-value if it has one (text may use a decimal comma).
      data: rows.map((row) => Number(row.cells[i + 1].dataset.value ?? row.cells[i + 1].textContent.trim()) || 0)
    }));
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.caption ? table.caption.textContent.trim() : '');
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.appendChild(canvas);
    table.parentNode.insertBefore(box, table);
    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Drawn at once: no growing bars on a slow phone, nothing moving for those who prefer it so.
        animation: false,
        scales: line ? { y: { min: 0, max: 100 } }
          : { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
});
