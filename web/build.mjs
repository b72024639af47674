// Copy the browser libraries the web app uses from node_modules into the package's static folder.
// Run `npm ci && npm run build` after changing a version in package.json; the copies are committed,
// so neither npm nor a CDN is needed when sitroom runs.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "src", "sitroom", "serve", "static", "vendor");
const files = [
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet/LICENSE", "leaflet/LICENSE"],
  ["cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape/LICENSE"],
];
for (const image of readdirSync(join(here, "node_modules", "leaflet", "dist", "images"))) {
  files.push([`leaflet/dist/images/${image}`, `leaflet/images/${image}`]);
}
for (const [from, to] of files) {
  const target = join(vendor, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(here, "node_modules", from), target);
  console.log(`vendor/${to}`);
}
