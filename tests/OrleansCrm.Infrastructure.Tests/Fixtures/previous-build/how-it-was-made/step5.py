from drive import *
import urllib.parse, hashlib
ids = json.load(open("ids4.json")); cid=ids["customerId"]
booking = ids["outcome"]["outcome"]["bookingId"]
gets = {
 "test-clock":"/api/v1/test-clock",
 "offer":"/api/v1/offers/cream",
 "campaign":"/api/v1/campaigns/winter",
 "campaign-outcomes":"/api/v1/campaigns/winter/outcomes",
 "customer":f"/api/v1/customers/{cid}",
 "customer-orders":f"/api/v1/customers/{cid}/orders",
 "customer-calls":f"/api/v1/customers/{cid}/calls",
 "customer-search":"/api/v1/customers?q=Rossi",
 "order-main":"/api/v1/orders/100001",
 "order-main-workflow":"/api/v1/orders/100001/workflow",
 "order-main-payments":"/api/v1/orders/100001/payments",
 "order-upsell":"/api/v1/orders/100002",
 "order-search":"/api/v1/orders?q=Rossi",
 "call-booked":f"/api/v1/calls/{ids['call']}",
 "call-callback":f"/api/v1/calls/{ids['call2']}",
 "agent":"/api/v1/agents/closer-1",
 "agent-agenda":"/api/v1/agents/closer-1/agenda?"+urllib.parse.urlencode({"from":"2026-12-21T00:00:00Z","to":"2026-12-22T00:00:00Z"}),
 "booking":f"/api/v1/bookings/{booking}",
 "dialer-stats":"/api/v1/campaigns/winter/dialer/stats",
 "dnc":"/api/v1/dnc/"+urllib.parse.quote("+390633333333"),
 "report-outcomes":"/api/v1/reports/outcomes",
}
out = {}
for name, path in gets.items():
    s, b = req("GET", path)
    print(name, s, file=sys.stderr)
    assert s == 200, (name, s, b)
    out[name] = {"path": path, "body": b}
s, rec = req("GET", f"/api/v1/calls/{ids['call']}/recording")
out["recording"] = {"path": f"/api/v1/calls/{ids['call']}/recording", "sha256": hashlib.sha256(rec).hexdigest(), "size": len(rec)}
json.dump(out, open("answers.json","w"), indent=2, ensure_ascii=False)
