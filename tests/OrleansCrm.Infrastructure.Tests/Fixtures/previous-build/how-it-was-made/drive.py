import json, urllib.request, sys, os
BASE = "http://127.0.0.1:5391"
KEY = "dev-admin-key-0000000000"
def req(method, path, body=None, key=KEY, headers=None, raw=None, ctype="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    r = urllib.request.Request(BASE + path, data=data, method=method)
    r.add_header("X-Api-Key", key)
    if data is not None: r.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items(): r.add_header(k, v)
    try:
        with urllib.request.urlopen(r) as resp:
            txt = resp.read()
            return resp.status, (json.loads(txt) if txt and resp.headers.get_content_type().endswith("json") else txt)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
def ok(method, path, body=None, **kw):
    s, b = req(method, path, body, **kw)
    print(method, path, s, file=sys.stderr)
    if s >= 300: raise SystemExit(f"{method} {path} -> {s}: {b}")
    return b
