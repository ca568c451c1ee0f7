// Tooltips for the server-rendered charts (kansrijk/charts): every mark of the SVG carries
// its text in aria-label (role="graphics-symbol"); this shows that text on hover and on
// keyboard focus. Tab enters a chart at its first mark, arrow keys (and Home/End) move
// between marks, Escape hides the tooltip. Compact charts (dashboard tiles) get the hover
// tooltip only. Without JavaScript the charts, their text and tables are all there.
// Before printing, the tables in <details> are opened (and closed again after).
(function () {
  "use strict";
  const MARK = '[role="graphics-symbol"][aria-label]';
  let tooltip = null;
  let active = null;

  function ensureTooltip() {
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.className = "chart-tooltip";
      tooltip.id = "chart-tooltip";
      tooltip.setAttribute("role", "tooltip");
      tooltip.hidden = true;
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  function show(mark) {
    const tip = ensureTooltip();
    if (active && active !== mark) {
      active.classList.remove("chart-mark-active");
    }
    active = mark;
    mark.classList.add("chart-mark-active");
    tip.textContent = mark.getAttribute("aria-label");
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = tip.offsetWidth;
    let left = window.scrollX + box.left + box.width / 2 - width / 2;
    left = Math.max(window.scrollX + 4, Math.min(left, window.scrollX + document.documentElement.clientWidth - width - 4));
    let top = window.scrollY + box.top - tip.offsetHeight - 8;
    if (top < window.scrollY) {
      top = window.scrollY + box.bottom + 8;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hide() {
    if (tooltip) {
      tooltip.hidden = true;
    }
    if (active) {
      active.classList.remove("chart-mark-active");
      active = null;
    }
  }

  function enhance(figure) {
    const marks = Array.from(figure.querySelectorAll(MARK));
    if (!marks.length) {
      return;
    }
    const compact = figure.dataset.chart === "compact";
    marks.forEach((mark) => {
      mark.addEventListener("mouseenter", () => show(mark));
      mark.addEventListener("mouseleave", hide);
    });
    if (compact) {
      return;
    }
    marks.forEach((mark, index) => {
      mark.setAttribute("tabindex", index === 0 ? "0" : "-1");
      mark.addEventListener("focus", () => show(mark));
      mark.addEventListener("blur", hide);
    });
    figure.addEventListener("keydown", (event) => {
      const index = marks.indexOf(document.activeElement);
      if (event.key === "Escape") {
        hide();
        return;
      }
      if (index < 0) {
        return;
      }
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      let next = null;
      if (event.key in moves) {
        next = Math.max(0, Math.min(marks.length - 1, index + moves[event.key]));
      } else if (event.key === "Home") {
        next = 0;
      } else if (event.key === "End") {
        next = marks.length - 1;
      }
      if (next !== null) {
        event.preventDefault();
        marks[index].setAttribute("tabindex", "-1");
        marks[next].setAttribute("tabindex", "0");
        marks[next].focus();
      }
    });
    if (figure.dataset.chartHint) {
      const hint = document.createElement("p");
      hint.className = "chart-hint";
      hint.textContent = figure.dataset.chartHint;
      figure.querySelector(".chart-image").after(hint);
    }
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      hide();
    }
  });
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details.chart-data:not([open])").forEach((details) => {
      details.dataset.printOpened = "true";
      details.open = true;
    });
  });
  window.addEventListener("afterprint", () => {
    document.querySelectorAll('details.chart-data[data-print-opened="true"]').forEach((details) => {
      details.open = false;
      delete details.dataset.printOpened;
    });
  });
  document.querySelectorAll("figure[data-chart]").forEach(enhance);
})();
