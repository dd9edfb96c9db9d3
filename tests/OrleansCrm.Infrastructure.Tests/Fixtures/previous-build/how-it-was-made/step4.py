from drive import *
ids = json.load(open("ids3.json"))
h3 = ok("POST","/api/v1/campaigns/winter/dialer/next",{"agentId":"agent-1"}); print(h3["contact"]["id"])
c = ok("POST","/api/v1/calls",{"campaignId":"winter","leaseId":h3["leaseId"],"agentId":"agent-1"})["id"]
out = ok("POST",f"/api/v1/calls/{c}/outcome",{"code":"interested","comment":"Call back tomorrow","callbackAt":"2026-12-17T10:00:00Z"}); print(out["outcome"])
ids.update(call2=c, handout3=h3)
json.dump(ids,open("ids4.json","w"))
