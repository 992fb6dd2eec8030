#!/usr/bin/env python3
"""Trunk post_build hook: make the release page ONE self-contained HTML file.

Writes dist/index.html and dist/gouji.html (identical): the wasm-bindgen JS glue, the wasm
(gzip + base64, inflated in the page with DecompressionStream) and the CSS are inlined, so the
page fetches nothing and works from file:// as well as from any static server. A strict
Content-Security-Policy forbids every connection (connect-src 'none'); the inline script and
style are allowed by their SHA-256 hashes.

The page also carries its build date (the commit date of HEAD) and the SHA-256 of its engine
(the .wasm), so an office can confirm that every clerk runs the same copy.

Debug builds (trunk serve) are left alone. Standard library only.
"""
import base64, datetime, gzip, hashlib, html, json, os, re, subprocess, sys

if os.environ.get("TRUNK_PROFILE") != "release":
    sys.exit(0)

staging = os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def one(suffix):
    found = [f for f in os.listdir(staging) if f.endswith(suffix)]
    if len(found) != 1:
        sys.exit(f"inline_page: expected one *{suffix} in {staging}, found {found}")
    return os.path.join(staging, found[0])


if os.path.isdir(os.path.join(staging, "snippets")):
    sys.exit("inline_page: dist/snippets present: JS snippets would need inlining too")
wasm_path = one("_bg.wasm")
js_path = wasm_path[: -len("_bg.wasm")] + ".js"
css_path = one(".css")
wasm = open(wasm_path, "rb").read()
js = open(js_path, encoding="utf-8").read()
css = open(css_path, encoding="utf-8").read()
if re.search(r"^\s*import\s", js, re.M):
    sys.exit("inline_page: the JS glue imports modules; not supported")
js = re.sub(r"^export\s*\{[^}]*\};?\s*$", "", js, flags=re.M)
js = re.sub(r"^export default [^;]*;\s*$", "", js, flags=re.M)
js = re.sub(r"^export\s+(?=(async\s+)?function|class|const|let)", "", js, flags=re.M)
js = js.replace("</script", "<\\/script")

source = open(os.path.join(root, "index.html"), encoding="utf-8").read()
fallback = re.search(r"<!-- gouji:fallback -->(.*?)<!-- /gouji:fallback -->", source, re.S)
if not fallback:
    sys.exit("inline_page: index.html lacks the gouji:fallback block")
title = re.search(r"<title>(.*?)</title>", source, re.S).group(1)

# The PDF and Word readers: a second wasm module (readers/, no imports, no glue), inlined
# gzip + base64 like the page's own and instantiated by www/src/readers.rs on first use.
subprocess.run(["cargo", "build", "-q", "-p", "gouji-readers", "--lib", "--profile", "wasm-release",
                "--target", "wasm32-unknown-unknown"], cwd=root, check=True)
target_dir = os.environ.get("CARGO_TARGET_DIR") or os.path.join(root, "target")
readers_path = os.path.join(staging, "gouji-readers.wasm")
subprocess.run(["wasm-opt", "-Oz", "--output", readers_path,
                os.path.join(target_dir, "wasm32-unknown-unknown", "wasm-release", "gouji_readers.wasm")],
               cwd=root, check=True)
readers = open(readers_path, "rb").read()
readers_payload = base64.b64encode(gzip.compress(readers, 9, mtime=0)).decode("ascii")

# The rule pages' text (docs/rules.json, written by `cargo xtask docs`): data, not script, read
# by www/src/rule_docs.rs when a rule page opens; the page's wasm leaves it out.
rule_docs = json.dumps(json.load(open(os.path.join(root, "docs", "rules.json"), encoding="utf-8")),
                       ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

engine_sha256 = hashlib.sha256(wasm).hexdigest()
readers_sha256 = hashlib.sha256(readers).hexdigest()
try:
    built = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=root, capture_output=True, text=True,
                           check=True).stdout.strip()
except (OSError, subprocess.CalledProcessError):
    built = ""
built = built or datetime.date.today().isoformat()
payload = base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode("ascii")

failure = ("<div class=\"boot\"><h1>无法运行本页面</h1><p class=\"boot-error\">当前浏览器无法运行本页面的核对程序（WebAssembly）。"
           "请使用新版 Chrome、Edge 或 Firefox；在 360、QQ、搜狗等浏览器中，请切换到“极速模式”后刷新。</p></div>")
# Old engines (IE mode) never run the module script: say so at once.
classic = ("(function(){if(typeof WebAssembly!=='object'||typeof Promise==='undefined'){"
           "var a=document.getElementById('app');if(a){a.innerHTML=" + json.dumps(failure, ensure_ascii=False) + ";}}})();")
# The engine starts compiling as soon as its bytes are parsed, before the rest of the page
# (the readers' bytes, the rule pages, the glue): a classic script right after them inflates
# the gzip'd wasm into WebAssembly.compileStreaming, so inflating and compiling overlap, off
# the page's thread, while the parser goes on. The bytes sit in a data block, not in a script's
# source: V8 never compiles them, and Uint8Array.fromBase64 (where the browser has it) decodes
# them without a loop. The module script below awaits the compiled module.
boot = ("(function(){"
        "function b64(id){var t=document.getElementById(id).textContent;"
        "if(typeof Uint8Array.fromBase64==='function')return Uint8Array.fromBase64(t);"
        "var s=atob(t),a=new Uint8Array(s.length);for(var i=0;i<s.length;i++)a[i]=s.charCodeAt(i);return a;}"
        "window.__goujiBase64=b64;"
        "if(typeof WebAssembly!=='object'||typeof DecompressionStream!=='function')return;"
        "var gz=b64('gouji-wasm');"
        "function inflated(){return new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));}"
        "function slow(){return new Response(inflated()).arrayBuffer().then(function(b){return WebAssembly.compile(b);});}"
        "var m=typeof WebAssembly.compileStreaming==='function'"
        "?WebAssembly.compileStreaming(new Response(inflated(),{headers:{'Content-Type':'application/wasm'}}))['catch'](slow)"
        ":slow();"
        # Handled here so that a failure is not reported twice: the module script awaits it.
        "m['catch'](function(){});window.__goujiModule=m;"
        "})();")
# The checking worker (www/src/worker.rs) runs the same glue and the compiled module (posted
# to it: neither inflated nor compiled twice) from a blob: URL: the glue's text once more, the
# module as its first message. A classic worker, not a module one: Chromium refuses module
# workers from blob: URLs of a file:// page.
# Its first message also carries the readers' bytes (gzip'd), inflated before the engine
# starts so that www/src/readers.rs can instantiate them synchronously on first use.
worker_boot = ("\nself.onmessage = (e) => { self.onmessage = null; "
               "new Response(new Blob([e.data.readers]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()"
               ".then(r => { self.__goujiReaders = new Uint8Array(r); return __wbg_init({ module_or_path: e.data.wasm }); })"
               ".catch(err => self.postMessage({ Failed: String(err) })); };\n")
module = (js + "\n"
          "const __gouji_app = document.getElementById('app');\n"
          f"const __gouji_worker_source = {json.dumps(js.replace('import.meta.url', 'self.location.href') + worker_boot)};\n"
          "try {\n"
          "  if (!window.__goujiModule) throw new Error('unsupported browser');\n"
          "  const __module = await window.__goujiModule;\n"
          "  const __readers_gz = window.__goujiBase64('gouji-readers');\n"
          "  let __gouji_worker_url = null;\n"
          "  window.__goujiWorker = () => {\n"
          "    __gouji_worker_url ??= URL.createObjectURL(new Blob([__gouji_worker_source], { type: 'text/javascript' }));\n"
          "    const url = __gouji_worker_url;\n"
          "    const worker = new Worker(url, { name: 'gouji-check' });\n"
          "    worker.postMessage({ wasm: __module, readers: __readers_gz });\n"
          "    return worker;\n"
          "  };\n"
          "  await __wbg_init({ module_or_path: __module });\n"
          # The page's thread needs the readers only to correct a .docx (or where no worker
          # runs): inflated after the engine started, off the first result's path.
          "  new Response(new Blob([__readers_gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()"
          ".then(r => { globalThis.__goujiReaders = new Uint8Array(r); });\n"
          "} catch (e) {\n"
          f"  console.error(e); if (__gouji_app) __gouji_app.innerHTML = {json.dumps(failure, ensure_ascii=False)};\n"
          "}\n")


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# 'wasm-unsafe-eval' lets Chromium >= 97 compile the engine; Chromium 86-96 (inside many
# dual-core browsers) only knows 'unsafe-eval' for that. Neither opens any network access.
csp = ("default-src 'none'; "
       f"script-src {sha(boot)} {sha(classic)} {sha(module)} 'wasm-unsafe-eval' 'unsafe-eval'; "
       f"style-src {sha(css)}; img-src data:; font-src 'none'; connect-src 'none'; media-src 'none'; "
       "object-src 'none'; frame-src 'none'; worker-src blob:; base-uri 'none'; form-action 'none'")
page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="renderer" content="webkit">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="gouji-build-date" content="{built}">
<meta name="gouji-engine-sha256" content="{engine_sha256}">
<meta name="gouji-readers-sha256" content="{readers_sha256}">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>{css}</style>
</head>
<body>
{fallback.group(1).strip()}
<script type="application/octet-stream" id="gouji-wasm">{payload}</script>
<script>{boot}</script>
<script type="application/json" id="gouji-rule-docs">{rule_docs}</script>
<script type="application/octet-stream" id="gouji-readers">{readers_payload}</script>
<script>{classic}</script>
<script type="module">{module}</script>
</body>
</html>
"""
for name in ("index.html", "gouji.html"):
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(page)
size = len(page.encode("utf-8"))
print(f"inline_page: gouji.html {size} bytes (wasm {len(wasm)} bytes, gzip {len(base64.b64decode(payload))}; "
      f"readers {len(readers)} bytes, gzip {len(base64.b64decode(readers_payload))}), "
      f"engine sha256 {engine_sha256}")
