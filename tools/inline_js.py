#!/usr/bin/env python3
"""gouji's JavaScript API as one classic script: dist/gouji.inline.js.

usage: inline_js.py GLUE.js WASM OUT.js

GLUE.js is wasm-bindgen's `--target no-modules` output for the same wasm as dist/gouji.js
(it defines `wasm_bindgen`); WASM the optimized dist/gouji_bg.wasm. The wasm goes inside,
gzip + base64, inflated in the browser with DecompressionStream: the script loads with a plain
<script src>, from a server or from file:// (where Chromium refuses ES modules and fetches),
and fetches nothing. It defines `gouji` with the module's API: init, check, checkFile, version.
"""
import base64
import gzip
import re
import sys

glue_path, wasm_path, out_path = sys.argv[1:4]
glue = open(glue_path, encoding="utf-8").read()
wasm = open(wasm_path, "rb").read()
if not re.search(r"^let wasm_bindgen\b", glue, re.M):
    sys.exit(f"{glue_path}: not wasm-bindgen's no-modules output (no `let wasm_bindgen`)")
b64 = base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode("ascii")
script = f"""/* gouji.inline.js: gouji (勾稽) as one classic script, its wasm inside (gzip + base64).
 * <script src="gouji.inline.js"></script> defines `gouji`:
 *   await gouji.init(); const report = gouji.check(text); await gouji.checkFile(file); gouji.version()
 * Works from a server and from file://; fetches nothing. See README, "Embedding". */
(function () {{
"use strict";
{glue}
const gz = "{b64}";
let ready = null;
/** Instantiates the engine once (later calls return the same promise). */
function init() {{
  if (ready === null) {{
    ready = (async () => {{
      const packed = Uint8Array.from(atob(gz), c => c.charCodeAt(0));
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
      const bytes = await new Response(stream).arrayBuffer();
      await wasm_bindgen({{ module_or_path: bytes }});
    }})();
  }}
  return ready;
}}
globalThis.gouji = Object.freeze({{
  init,
  check: (text, name) => wasm_bindgen.check(text, name),
  checkFile: file => wasm_bindgen.checkFile(file),
  version: () => wasm_bindgen.version(),
}});
}})();
"""
open(out_path, "w", encoding="utf-8").write(script)
print(f"{out_path}: {len(script.encode())} bytes (wasm {len(wasm)} bytes)")
