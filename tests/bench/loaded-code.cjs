/**
 * Preloaded into a server by the cold-start step (cold-start.ts, `node --require …/loaded-code.cjs`):
 * sums the JavaScript the process compiles, split into the app's own build output and
 * node_modules, and writes the figures as JSON to LOADED_CODE_FILE shortly after the last
 * module loaded. Next loads a route's server chunks with require(), so they pass through here.
 */
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const file = process.env.LOADED_CODE_FILE;
if (file) {
  const totals = { build: { files: 0, bytes: 0 }, packages: { files: 0, bytes: 0 } };
  /** With LOADED_CODE_LIST=1, every file and its size too (to see what a route pulls in). */
  const list = process.env.LOADED_CODE_LIST === "1" ? [] : undefined;
  const packagesMarker = `${path.sep}node_modules${path.sep}`;
  let timer;
  const write = () => fs.writeFileSync(file, JSON.stringify({ ...totals, list }));
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    const part = filename.includes(packagesMarker) ? totals.packages : totals.build;
    part.files += 1;
    part.bytes += Buffer.byteLength(content);
    list?.push([filename, Buffer.byteLength(content)]);
    clearTimeout(timer);
    timer = setTimeout(write, 100);
    timer.unref();
    return compile.call(this, content, filename);
  };
}
