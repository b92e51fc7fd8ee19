// Document page: clicking (or pressing Enter on) a highlighted number selects its figure card,
// and clicking a card's id selects its number in the text. No inline script: the page's
// Content-Security-Policy allows only this file.
(function () {
  "use strict";
  function select(id, scrollCard) {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var card = document.getElementById("fig-" + id);
    document.querySelectorAll('mark.fig[data-fig="' + CSS.escape(id) + '"]').forEach(function (m) {
      m.classList.add("selected");
      if (!scrollCard) { m.scrollIntoView({block: "center"}); }
    });
    if (card) {
      card.classList.add("selected");
      if (scrollCard) { card.scrollIntoView({block: "nearest"}); }
    }
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark.fig");
    if (mark) { select(mark.dataset.fig, true); return; }
    var link = event.target.closest("a.figlink");
    if (link) { event.preventDefault(); select(link.dataset.fig, false); }
  });
  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark.fig");
    if (mark && event.key === "Enter") { select(mark.dataset.fig, true); }
  });
  window.addEventListener("DOMContentLoaded", function () {
    var hash = window.location.hash;
    if (hash.indexOf("#fig-") === 0) { select(decodeURIComponent(hash.slice(5)), true); }
  });
})();
