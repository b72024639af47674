// sitroom pages: the actor graph (cytoscape), the event map (Leaflet) and fact highlighting.
// Text from the store is only ever put in the page with textContent (never innerHTML), and the
// Content-Security-Policy forbids inline script, so article text cannot become markup here.
"use strict";

const TYPE_COLOURS = {
  AGREE: "#4c9a2a", CONSULT: "#6aa84f", SUPPORT: "#38761d", CONCEDE: "#93c47d", COOPERATE: "#274e13",
  AID: "#0b5394", RETREAT: "#76a5af", REQUEST: "#b7b7b7", ACCUSE: "#e69138", REJECT: "#f6b26b",
  THREATEN: "#cc4125", PROTEST: "#e06666", SANCTION: "#a61c00", MOBILIZE: "#85200c", COERCE: "#990000",
  ASSAULT: "#660000",
};
const KIND_COLOURS = { person: "#3d85c6", organization: "#674ea7", country: "#e69138", place: "#6aa84f",
  group: "#999999", other: "#cccccc" };

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

// --- actor graph ---------------------------------------------------------------------------------

function graphUrl(container, form) {
  const params = new URLSearchParams();
  const data = new FormData(form);
  params.set("hops", data.get("hops") || "1");
  if (data.get("event_type")) params.set("event_type", data.get("event_type"));
  if (data.get("relation_type")) params.set("relation_type", data.get("relation_type"));
  params.set("max_nodes", "150");
  return `/api/graph/${encodeURIComponent(container.dataset.actor)}?${params}`;
}

function graphElements(graph) {
  const nodes = graph.nodes.map((n) => ({ data: { id: String(n.id), label: n.name, kind: n.kind, hop: n.hop,
    centre: n.id === graph.centre ? 1 : 0 } }));
  const edges = graph.edges.map((e, i) => ({ data: { id: `e${i}`, source: String(e.source), target: String(e.target),
    label: e.count > 1 ? `${e.type} ×${e.count}` : e.type, colour: TYPE_COLOURS[e.type] || "#888",
    dashed: e.category === "relation" ? 1 : 0, width: Math.min(1 + e.count, 8) } }));
  return nodes.concat(edges);
}

async function drawGraph(container, form, status) {
  status.textContent = "Loading ties…";
  let graph;
  try {
    graph = await getJSON(graphUrl(container, form));
  } catch (err) {
    status.textContent = `Could not load the graph: ${err.message}`;
    return;
  }
  if (container._cy) container._cy.destroy();
  const cy = window.cytoscape({
    container, elements: graphElements(graph), wheelSensitivity: 0.3,
    layout: { name: graph.nodes.length > 60 ? "circle" : "cose", animate: false },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": (n) => KIND_COLOURS[n.data("kind")] || "#ccc",
        width: (n) => (n.data("centre") ? 28 : 18), height: (n) => (n.data("centre") ? 28 : 18), "text-wrap": "ellipsis", "text-max-width": 120 } },
      { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", width: "data(width)",
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", label: "data(label)", "font-size": 8,
        "text-rotation": "autorotate", color: "#555", "line-style": (e) => (e.data("dashed") ? "dashed" : "solid") } },
    ],
  });
  cy.on("tap", "node", (evt) => { window.location.href = `/actors/${evt.target.id()}`; });
  container._cy = cy;
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  status.textContent = `${graph.nodes.length} actors, ${graph.edges.length} ties${graph.truncated ? " (capped: strongest ties shown)" : ""}. Click an actor to open it.`;
}

function initGraph() {
  const container = document.getElementById("graph");
  if (!container || !window.cytoscape) return;
  const form = document.getElementById("graph-controls");
  const status = document.getElementById("graph-status");
  form.addEventListener("change", () => drawGraph(container, form, status));
  drawGraph(container, form, status);
}

// --- event map -----------------------------------------------------------------------------------

function popup(props) {
  const box = el("div", null, "popup");
  box.appendChild(el("b", `${props.type}${props.mode ? "/" + props.mode : ""}`));
  box.appendChild(el("span", ` ${props.date || "undated"} · ${props.place || ""}`));
  if (props.modality && props.modality !== "asserted") box.appendChild(el("span", ` (${props.modality})`, "modality"));
  const link = el("a", props.evidence, "evidence-link");
  link.href = `/documents/${encodeURIComponent(props.doc_id)}?fact=${encodeURIComponent(props.id)}#hl`;
  box.appendChild(el("br"));
  box.appendChild(link);
  return box;
}

async function drawMap(container, status) {
  const L = window.L;
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, zoomAnimation: false, fadeAnimation: false })
    .setView([15, 10], 2);
  container._map = map;
  if (container.dataset.tiles) {
    L.tileLayer(container.dataset.tiles, { maxZoom: 12, attribution: "map tiles as configured" }).addTo(map);
  } else {
    try {
      const world = await getJSON("/static/world.geojson");
      L.geoJSON(world, { interactive: false, style: { color: "#9aa", weight: 0.6, fillColor: "#eef2ee", fillOpacity: 1 } }).addTo(map);
    } catch (err) {
      status.textContent = `Basemap missing: ${err.message}`;
    }
  }
  let events;
  try {
    events = await getJSON(`/api/events.geojson?${container.dataset.query || ""}`);
  } catch (err) {
    status.textContent = `Could not load events: ${err.message}`;
    return;
  }
  const markers = events.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return L.circleMarker([lat, lon], { radius: 6, color: "#222", weight: 1, fillOpacity: 0.85,
      fillColor: TYPE_COLOURS[f.properties.type] || "#888", className: "event-marker" }).bindPopup(popup(f.properties));
  });
  const layer = L.featureGroup(markers).addTo(map);
  if (markers.length) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 5, animate: false });
  container.dataset.markers = String(markers.length);
  status.textContent = `${markers.length} geocoded events on the map (events without a known place are listed below only).`;
}

function initMap() {
  const container = document.getElementById("map");
  if (!container || !window.L) return;
  drawMap(container, document.getElementById("map-status"));
}

// --- document facts ------------------------------------------------------------------------------

function highlightFact(id) {
  document.querySelectorAll("#text .seg").forEach((seg) => {
    const facts = (seg.dataset.facts || "").split(" ");
    seg.classList.toggle("hl-live", facts.includes(id));
  });
  document.querySelectorAll("#facts .fact").forEach((li) => li.classList.toggle("selected", li.dataset.fact === id));
}

function initDocument() {
  const list = document.getElementById("facts");
  if (!list) return;
  list.addEventListener("mouseover", (evt) => {
    const li = evt.target.closest(".fact");
    if (li) highlightFact(li.dataset.fact);
  });
  const anchor = document.getElementById("hl");
  if (anchor) anchor.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  initGraph();
  initMap();
  initDocument();
});
