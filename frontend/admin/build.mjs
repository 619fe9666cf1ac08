// Bundles the admin console (Fluent web components, MSAL and our code) into dist/: static files the service serves.
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist");
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  target: ["chrome110", "edge110", "safari16", "firefox110"],
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  outfile: join(out, "admin.js"),
  logLevel: "warning",
});
await copyFile(join(here, "admin.css"), join(out, "admin.css"));
await copyFile(join(here, "index.html"), join(out, "index.html"));
// Swagger UI for /docs, served by the service itself (no CDN).
const swagger = join(here, "..", "node_modules", "swagger-ui-dist");
await mkdir(join(out, "swagger"), { recursive: true });
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css"]) await copyFile(join(swagger, name), join(out, "swagger", name));
