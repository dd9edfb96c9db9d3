from drive import *
import struct, urllib.parse
ids = json.load(open("ids2.json")); cid=ids["customerId"]; num=ids["order"]
ok("PUT","/api/v1/agents/closer-1",{"name":"Closer One","email":"closer.one@example.it",
  "agenda":{"timeZone":"Europe/Rome","dayStart":"09:00","dayEnd":"17:00","slotMinutes":30,"workDays":["Monday","Tuesday","Wednesday","Thursday","Friday"]}})
imp = ok("POST","/api/v1/campaigns/winter/leads",[
  {"name":"Luigi Verdi","phone":"+390611111111","email":"luigi.verdi@example.it","timeZone":"Europe/Rome"},
  {"name":"Anna Bianchi","phone":"+390622222222","email":"anna.bianchi@example.it","timeZone":"Europe/Rome"},
  {"customerId":cid,"name":"Mario Rossi","phone":"+390612345678","email":"mario.rossi@example.it","orderNumber":num}])
print(imp)
h1 = ok("POST","/api/v1/campaigns/winter/dialer/next",{"agentId":"agent-1"}); print(h1)
call = ok("POST","/api/v1/calls",{"campaignId":"winter","leaseId":h1["leaseId"],"agentId":"agent-1"}); callId=call["id"]; print(callId)
ag = ok("GET","/api/v1/agents/closer-1/agenda?"+urllib.parse.urlencode({"from":"2026-12-21T00:00:00Z","to":"2026-12-22T00:00:00Z"}))
slot = ag["freeSlots"][2]; print(slot)
ok("PUT",f"/api/v1/calls/{callId}/draft",{"notes":"Wants a demo of the cream","appointment":{"agentId":"closer-1","start":slot}})
d=60
wav = b"RIFF"+struct.pack("<i",36+d)+b"WAVEfmt "+struct.pack("<ihhiihh",16,1,1,8000,8000,1,8)+b"data"+struct.pack("<i",d)+bytes(range(d))
print(ok("PUT",f"/api/v1/calls/{callId}/recording",raw=wav,ctype="audio/wav"))
out = ok("POST",f"/api/v1/calls/{callId}/outcome",{"code":"meeting"}); print(json.dumps(out)[:1500])
h2 = ok("POST","/api/v1/campaigns/winter/dialer/next",{"agentId":"agent-2"}); print(h2)
ok("POST","/api/v1/dnc",{"phone":"+390633333333","note":"Asked not to be called"})
ids.update(call=callId, handout1=h1, handout2=h2, slot=slot, outcome=out)
json.dump(ids,open("ids3.json","w"))
