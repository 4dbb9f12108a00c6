"""Static server for the benchmark. It sends the cross-origin isolation headers
so that performance.now() ticks in 5 µs steps instead of 100 µs: a click costs
about 1 ms here, and coarse ticks would blur the comparison."""
import functools
import http.server
import sys


class IsolatedHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_message(self, *args):
        pass


port, root = int(sys.argv[1]), sys.argv[2]
handler = functools.partial(IsolatedHandler, directory=root)
http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
