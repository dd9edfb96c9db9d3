from drive import *
ids = json.load(open("ids1.json")); cid=ids["customerId"]; num=ids["order"]
ok("DELETE",f"/api/v1/customers/{cid}/notes/{ids['note2']['id']}")
t2 = ok("POST",f"/api/v1/orders/{num}/tasks",{"title":"Ask about the delivery"})
ok("POST",f"/api/v1/orders/{num}/tasks/{t2['id']}/complete")
ok("POST","/api/v1/test-clock/advance",{"to":"2026-12-16T14:00:00Z"})
print(ok("GET",f"/api/v1/orders/{num}")["status"])
print(ok("GET",f"/api/v1/orders/{num}/payments"))
up = ok("POST",f"/api/v1/orders/{num}/upsells",{"campaignId":"winter","upsellId":"serum","quantity":2,"shippingMethodId":"standard"},headers={"Idempotency-Key":"fixture-upsell-1"})
print(up)
rf = ok("POST",f"/api/v1/orders/{num}/refund",{"amount":10,"reason":"Damaged box"},key="dev-supervisor-key-00000",headers={"Idempotency-Key":"fixture-refund-1"})
print(str(rf)[:300])
ids.update(task2=t2, upsell=up)
json.dump(ids,open("ids2.json","w"))
