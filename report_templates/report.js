(function () {
  "use strict";
  // Progressive enhancement only: without this script every row and section is visible.
  // Text is only ever set with textContent and attributes: never markup from the report.
  var table = document.getElementById("findings-table");
  var controls = document.getElementById("findings-controls");
  if (table && controls) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-filter]"));
    var output = document.getElementById("findings-count");
    var apply = function () {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
        });
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      output.textContent = "Showing " + shown + " of " + rows.length + " findings";
    };
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    document.getElementById("findings-reset").addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply();
    });
    controls.hidden = false;
    apply();

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (row, index) {
          var cell = row.cells[column];
          return { row: row, index: index, key: cell.getAttribute("data-sort") || cell.textContent.trim() };
        });
        keyed.sort(function (a, b) {
          var order = a.key.localeCompare(b.key, undefined, { numeric: true });
          return (ascending ? order : -order) || a.index - b.index;
        });
        keyed.forEach(function (item) { tbody.appendChild(item.row); });
      });
    });
  }
  // Collapsed lists (source manifest, skipped files) are printed in full.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
