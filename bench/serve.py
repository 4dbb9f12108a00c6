"""Static server for the benchmark. It sends the cross-origin isolation headers
so that performance.now() ticks in 5 µs steps instead of 100 µs (a click costs
about 1 ms here, and coarse ticks would blur the comparison), and it gzips text
and wasm as static hosts do (GitHub Pages, Netlify), so load times and
Lighthouse see realistic transfer sizes."""
import functools
import gzip
import http.server
import os
import sys

COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".svg", ".json", ".webmanifest")


class IsolatedHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".webmanifest": "application/manifest+json"}
    gzipped = {}

    def end_headers(self):
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().do_GET()
        key = (path, os.path.getmtime(path))
        if key not in self.gzipped:
            with open(path, "rb") as f:
                self.gzipped[key] = gzip.compress(f.read(), compresslevel=9)
        body = self.gzipped[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


port, root = int(sys.argv[1]), sys.argv[2]
handler = functools.partial(IsolatedHandler, directory=root)
http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
