// Keyboard shortcuts: j/k next/prev (queue rows or articles), Enter/o open, c confirm, d dismiss the flag.
(function () {
  "use strict";
  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }
  function click(id) { var el = document.getElementById(id); if (el) { el.click(); return true; } return false; }
  function queueRows() { return Array.prototype.slice.call(document.querySelectorAll("tr.queue-item")); }
  function moveSelection(step) {
    var rows = queueRows();
    if (!rows.length) { return false; }
    var index = rows.findIndex(function (r) { return r.classList.contains("selected"); });
    if (index >= 0) { rows[index].classList.remove("selected"); }
    index = Math.min(rows.length - 1, Math.max(0, index + step));
    rows[index].classList.add("selected");
    rows[index].scrollIntoView({block: "nearest"});
    return true;
  }
  function openSelection() {
    var row = document.querySelector("tr.queue-item.selected");
    if (row) { window.location.href = row.getAttribute("data-href"); return true; }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var done = false;
    switch (event.key) {
      case "j": done = moveSelection(1) || click("next-link"); break;
      case "k": done = moveSelection(-1) || click("prev-link"); break;
      case "o": done = openSelection(); break;
      case "Enter": done = event.target === document.body && openSelection(); break;
      case "c": done = click("confirm-flag"); break;
      case "d": done = click("dismiss-flag"); break;
    }
    if (done) { event.preventDefault(); }
  });
})();
