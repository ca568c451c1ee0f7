// Polls the status of a running update and says so in the live region; without JavaScript
// the "Status vernieuwen" link does the same.
(function () {
  "use strict";
  const region = document.getElementById("update-status");
  const url = region && region.dataset.statusUrl;
  if (!url) {
    return;
  }
  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((status) => {
        if (!status) {
          return;
        }
        if (status.active) {
          const percent = region.querySelector("[data-percent]");
          if (percent) {
            percent.textContent = status.percent;
          }
          window.setTimeout(poll, 2000);
        } else {
          window.location.reload();
        }
      })
      .catch(() => window.setTimeout(poll, 5000));
  }
  window.setTimeout(poll, 2000);
})();
