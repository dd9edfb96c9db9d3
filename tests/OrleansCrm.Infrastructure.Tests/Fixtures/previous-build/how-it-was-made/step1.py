from drive import *
offer = {"name":"Anti-age cream","productPrice":{"USD":49.95,"EUR":45,"JPY":5400},"shippingAndHandling":{"USD":4.95,"EUR":4.5,"JPY":500},
 "shippingMethods":[{"id":"standard","name":"Standard","price":{"USD":0}}],
 "upsells":[{"id":"serum","name":"Serum","unitPrice":{"USD":19.99},"allowedQuantities":[1,2,3],"shippingMethodIds":["standard"]}],"prepaymentAllowed":True}
ok("PUT","/api/v1/offers/cream",offer)
camp = {"name":"Winter follow-up","timeZone":"UTC","callingHours":{"start":"00:00","end":"23:59"},
 "outcomes":[{"code":"interested","label":"Interested","type":"R","color":"#00AA00","quick":True},
             {"code":"meeting","label":"Appointment booked","type":"T","color":"#00897B","quick":True}],
 "workflowSteps":[{"code":"greeting","label":"Greeting"}],"attemptCap":6,"paymentProviders":["sandbox"]}
ok("PUT","/api/v1/campaigns/winter",camp)
cust = ok("POST","/api/v1/customers",{"name":"Mario Rossi","email":"mario.rossi@example.it","phone":"+390612345678","timeZone":"Europe/Rome",
 "address":{"line1":"Via Roma 1","city":"Roma","postalCode":"00100","country":"IT"},"personalManager":"agent-1"})
cid = cust["id"]; print(cid)
ok("POST",f"/api/v1/customers/{cid}/notes",{"text":"Prefers calls in the morning"})
n2 = ok("POST",f"/api/v1/customers/{cid}/notes",{"text":"to delete"})
print(n2)
ok("PUT",f"/api/v1/customers/{cid}/auto-payments",{"enabled":True})
order = ok("POST","/api/v1/orders",{"customerId":cid,"offerId":"cream","currency":"USD","trial":True,"cardToken":"tok_approve"},headers={"Idempotency-Key":"fixture-order-1"})
num = order["number"]; print(num)
ok("POST",f"/api/v1/orders/{num}/notes",{"text":"Asked about the ingredients"})
task = ok("POST",f"/api/v1/orders/{num}/tasks",{"title":"Confirm the delivery address","dueAt":"2026-12-20T10:00:00Z","assignee":"agent-1"})
print(task)
json.dump({"customerId":cid,"note2":n2,"order":num,"task":task},open("ids1.json","w"))
print(json.dumps(ok("GET",f"/api/v1/orders/{num}/workflow"),indent=1)[:3000])
