// claimwire desk: follow the server-sent events and refresh what this page shows. No framework, no build.
(() => {
  "use strict";
  const live = document.getElementById("live");
  const list = document.getElementById("incidents");
  const page = document.querySelector(".incident-page");
  const fresh = new Set();
  let timer = null;

  const refreshList = async () => {
    timer = null;
    const response = await fetch("/partials/incidents" + window.location.search, { headers: { Accept: "text/html" } });
    if (!response.ok) return;
    list.innerHTML = await response.text();  // server-rendered and escaped
    for (const row of list.querySelectorAll("tr.incident")) {
      if (fresh.has(row.dataset.incidentId)) row.classList.add("fresh");
    }
    fresh.clear();
  };

  const onIncident = (change) => {
    if (list) {
      fresh.add(change.incident_id);
      if (timer === null) timer = setTimeout(refreshList, 200);
    } else if (page && page.dataset.incidentId === change.incident_id
               && change.version > Number(page.dataset.version) && !document.getElementById("newer")) {
      const note = document.createElement("p");
      note.id = "newer";
      note.className = "newer";
      note.innerHTML = '<a href="">Version ' + Number(change.version) + " is in: reload</a>";
      page.prepend(note);
    }
  };

  const source = new EventSource("/events");
  source.addEventListener("ready", () => { live.textContent = "live"; live.className = "live on"; });
  source.addEventListener("incident", (event) => onIncident(JSON.parse(event.data)));
  source.onerror = () => { live.textContent = "reconnecting…"; live.className = "live off"; };
  window.deskLoadedAt = window.deskLoadedAt || Date.now();
})();
