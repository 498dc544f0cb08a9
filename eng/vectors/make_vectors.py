"""Writes the conformance vectors of sampling.plan/1, subsidy.ebike-tradein/1 and case.transition/1.
Every expected value was checked by hand (see the comments and the descriptions); the sampling roster hash, prefix and
ranks were recomputed independently in this script from docs/sampling.md's canonical form with hashlib."""
import json, copy, runpy
# Run from the repository root: python3 eng/vectors/make_vectors.py
runpy.run_path("eng/vectors/sampling_roster.py")
V = 'src/MarketRules.Testing/Vectors/'
def write(name, description, vectors):
    with open(V + name, 'w', encoding='utf-8') as f:
        json.dump({"description": description, "vectors": vectors}, f, ensure_ascii=False, indent=2)
        f.write('\n')
def ok(result): return {"ok": True, "result": result}
def err(*pairs): return {"ok": False, "errors": [{"code": c, "path": p} for c, p in pairs]}

# ---------- sampling.plan/1 ----------
d = json.load(open('eng/vectors/sampling_data.json'))
roster, shuffled, seed, task = d["roster"], d["shuffled"], d["seed"], d["task"]
def sreq(**inp): return {"rule": "sampling.plan/1", "asOf": "2025-03-01", "input": {"taskId": task, "seed": seed, "roster": roster, **inp}}
strata = [
    {"region": "330105", "industry": "C14", "tier": "A", "active": 21, "quota": 2, "selected": 2},
    {"region": "330105", "industry": "C14", "tier": "C", "active": 3, "quota": 1, "selected": 1},
    {"region": "330106", "industry": "F52", "tier": "B", "active": 1, "quota": 1, "selected": 1},
]
sel = d["sel"]
receipt = {"taskId": task, "seed": seed, "prefix": d["prefix"], "rosterHash": d["rosterHash"], "active": 25, "target": 2, "scale": 1,
           "strata": [{"quota": 2, "selected": [{"creditCode": c} for c in sel["330105|C14|A"]]},
                      {"quota": 1, "selected": [{"creditCode": c} for c in sel["330105|C14|C"]]},
                      {"quota": 1, "selected": [{"creditCode": c} for c in sel["330106|F52|B"]]}]}
mandatory = roster[4]["creditCode"]
bad_check = roster[0]["creditCode"][:-1] + ("0" if roster[0]["creditCode"][-1] != "0" else "1")
bad_tier = copy.deepcopy(roster); bad_tier[1]["tier"] = "E"
bad_code = copy.deepcopy(roster); bad_code[0]["creditCode"] = bad_check
sampling = [
    {"name": "national coverage 5 %: quota ceil(active x 0.05) per stratum (21 -> 2, 3 -> 1, 1 -> 1), target ceil(25 x 0.05) = 2",
     "request": sreq(), "expected": ok({"strata": strata})},
    {"name": "receipt: roster hash, prefix and lowest-rank selection as recomputed from the canonical form",
     "request": sreq(), "expected": ok({"receipt": receipt})},
    {"name": "roster hash is stable: the same roster in another order gives the same hash and selection",
     "request": sreq(roster=shuffled), "expected": ok({"receipt": receipt, "strata": strata})},
    {"name": "mandatory inclusion takes its place first, the lowest rank fills the rest of the quota",
     "request": sreq(mandatoryInclusions=[mandatory]),
     "expected": ok({"receipt": {"strata": [{"quota": 2, "mandatory": 1, "selected": [{"creditCode": mandatory, "mandatory": True}, {"creditCode": sel["330105|C14|A"][0], "mandatory": False}]}, {}, {}]}})},
    {"name": "empty roster", "request": sreq(roster=[]), "expected": err(("MR.Sampling.EmptyRoster", "$.input.roster"))},
    {"name": "seed that is not hexadecimal", "request": sreq(seed="not-hex"), "expected": err(("MR.Sampling.InvalidSeed", "$.input.seed"))},
    {"name": "missing task id", "request": sreq(taskId=None), "expected": err(("MR.Sampling.InvalidField", "$.input.taskId"))},
    {"name": "credit code with a wrong check character (GB 32100)", "request": sreq(roster=bad_code), "expected": err(("MR.Sampling.InvalidCreditCode", "$.input.roster[0].creditCode"))},
    {"name": "credit class outside A-D", "request": sreq(roster=bad_tier), "expected": err(("MR.Sampling.UnknownTier", "$.input.roster[1].tier"))},
]
for v in sampling:
    if v["request"]["input"].get("taskId", "") is None: del v["request"]["input"]["taskId"]
write("sampling.plan.json",
      "sampling.plan/1 on a 26-record inline roster under national defaults as of 2025-03-01: no class ratio is set nationally, so every "
      "class uses the 5 % coverage target (docs/sampling.md, Defaults). Quotas are ceil(active x 0.05) per (region, industry, class) stratum; "
      "the deregistered record is neither counted nor drawn. The roster hash (sorted canonical lines code|region|industry|tier|status|priority|last-inspected), "
      "the prefix SHA-256(seed) || SHA-256(task id) and the ranks SHA-256(prefix || code) were recomputed independently with Python's hashlib.", sampling)

# ---------- subsidy.ebike-tradein/1 ----------
base = json.loads('''{ "claimId": "A1", "applicantId": "11010519491231002X", "oldPlate": "杭州C12345", "oldFrameNumber": "LF12345678",
  "oldRegisteredNonStandard": true, "oldOwnerId": "11010519491231002X", "recycledAt": "2022-06-30T08:00:00Z", "recyclerAuthorised": true,
  "oldPlateCancelledAt": "2022-06-30T09:00:00Z", "newFrameNumber": "NF87654321", "newStandard": "gb17761-2018", "newCccCertificate": "2021011119000001",
  "purchaseDate": "2022-06-30", "newPriceFen": 259900, "newPlate": "浙A·54321", "newRegisteredAt": "2022-06-30T15:00:00Z",
  "completedAt": "2022-06-30T15:59:59Z",
  "evidence": ["identity-document", "filing-certificate", "recycling-receipt", "plate-cancellation-record", "purchase-invoice", "ccc-certificate", "new-plate-registration"] }''')
def claim(**over):
    c = dict(base)
    for k, v in over.items():
        if v is None: c.pop(k, None)
        else: c[k] = v
    return c
def at(instant, date):
    return dict(recycledAt=instant, oldPlateCancelledAt=instant, purchaseDate=date, newRegisteredAt=instant, completedAt=instant)
def sub(name, asof, c, expected, scheme="gongshu-2022-ebike-tradein"):
    return {"name": name, "request": {"rule": "subsidy.ebike-tradein/1", "asOf": asof, "jurisdiction": "330105", "input": {"schemeId": scheme, "claim": c}}, "expected": expected}
def granted(phase, fen): return ok({"schemeId": "gongshu-2022-ebike-tradein", "claimId": "A1", "eligible": True, "phase": phase, "amountFen": fen, "reasons": []})
subsidies = [
    sub("June edge: 2022-06-30T15:59:59Z is 23:59:59 on 30 June in Shanghai: phase 1, 300 yuan", "2022-06-30", claim(), granted(1, 30000)),
    sub("July edge: 2022-06-30T16:00:00Z is 00:00:00 on 1 July in Shanghai: phase 2, 200 yuan", "2022-07-01", claim(completedAt="2022-06-30T16:00:00Z"), granted(2, 20000)),
    sub("August: phase 3, 100 yuan", "2022-08-15", claim(**at("2022-08-15T04:00:00Z", "2022-08-15")), granted(3, 10000)),
    sub("first second of the scheme: 2022-05-31T16:00:00Z is 00:00 on 1 June: phase 1", "2022-06-01", claim(**at("2022-05-31T16:00:00Z", "2022-06-01")), granted(1, 30000)),
    sub("after the scheme: 2022-08-31T16:00:00Z is 00:00 on 1 September: not eligible, no phase", "2022-09-01", claim(**at("2022-08-31T16:00:00Z", "2022-09-01")),
        ok({"eligible": False, "phase": 0, "amountFen": 0, "reasons": ["MR.Subsidy.OutsideSchemeWindow"]})),
    sub("new bike without CCC certificate and not registered: not eligible, both reasons", "2022-06-30", claim(newCccCertificate=None, newPlate=None),
        ok({"eligible": False, "phase": 1, "amountFen": 0, "reasons": ["MR.Subsidy.NoCcc", "MR.Subsidy.NewBikeNotRegistered"]})),
    sub("old bike's frame already subsidised: not eligible", "2022-06-30", claim(previouslySubsidised=["old-frame"]),
        ok({"eligible": False, "amountFen": 0, "reasons": ["MR.Subsidy.AlreadySubsidised"]})),
    sub("resident id with a wrong length", "2022-06-30", claim(applicantId="123"), err(("MR.Subsidy.InvalidResidentId", "$.input.claim.applicantId"))),
    sub("completed before the purchase date", "2022-06-30", claim(purchaseDate="2022-07-02"), err(("MR.Subsidy.CompletedBeforeStep", "$.input.claim.completedAt"))),
    sub("unknown scheme", "2022-06-30", claim(), err(("MR.Subsidy.UnknownScheme", "$.input.schemeId")), scheme="nowhere"),
]
write("subsidy.ebike-tradein.json",
      "subsidy.ebike-tradein/1 against the shipped Gongshu 2022 scheme (docs/subsidies.md, Defaults: June 300, July 200, August 100 yuan; "
      "phase dates are calendar months by assumption, REQ). Phase edges are stated in Asia/Shanghai (UTC+8) and compared as instants.", subsidies)

# ---------- case.transition/1 ----------
H = json.loads('''[ { "kind": "lead-received", "at": "2024-12-02T02:00:00Z", "date": "2024-11-20" }, { "kind": "case-opened", "at": "2024-12-06T02:00:00Z" },
  { "kind": "investigation-concluded", "at": "2025-01-20T02:00:00Z" },
  { "kind": "notice-served", "at": "2025-01-24T02:00:00Z", "party": "organisation", "sanctions": ["fine"], "amountYuan": 50000 } ]''')
def case(name, asof, inp, expected): return {"name": name, "request": {"rule": "case.transition/1", "asOf": asof, "input": inp}, "expected": expected}
def decide(at): return {"kind": "penalty-decided", "at": at, "party": "organisation", "sanctions": ["fine"], "amountYuan": 50000}
def dl(kind, frm, last): return {"kind": kind, "from": frm, "lastDay": last}
decided = ok({"caseId": "A-1", "from": "notified", "to": "decided", "decision": "penalty",
              "due": [dl("service", "2025-02-08", "2025-02-18"), dl("publication", "2025-02-08", "2025-03-07")], "overdue": []})
cases = [
    case("lead received on 2024-09-30: 15 working days of verification run over National Day to 2024-10-25; limitation 2 years from the act",
         "2024-09-30", {"caseId": "L-1", "event": {"kind": "lead-received", "at": "2024-09-30T02:00:00Z", "date": "2024-09-01"}},
         ok({"caseId": "L-1", "from": "none", "to": "under-verification",
             "due": [dl("lead-verification", "2024-09-30", "2024-10-25") | {"expiresAt": "2024-10-25T16:00:00Z"}, dl("limitation", "2024-09-01", "2026-09-01")]})),
    case("case opened on 2024-12-06: 90 days to decide, to 2025-03-06", "2024-12-06",
         {"caseId": "B-1", "history": H[:1], "event": {"kind": "case-opened", "at": "2024-12-06T02:00:00Z"}},
         ok({"from": "under-verification", "to": "investigation", "due": [dl("decision", "2024-12-06", "2025-03-06")]})),
    case("decision on the last day of the statement period (notice served 2025-01-24, 5 working days over Spring Festival end 2025-02-07) is rejected",
         "2025-02-07", {"caseId": "A-1", "history": H, "event": decide("2025-02-07T02:00:00Z")}, err(("MR.Cases.StatementPeriodRunning", "$.input.event"))),
    case("decision at 2025-02-07T15:59:59Z (23:59:59 in Shanghai) is still inside the statement period", "2025-02-07",
         {"caseId": "A-1", "history": H, "event": decide("2025-02-07T15:59:59Z")}, err(("MR.Cases.StatementPeriodRunning", "$.input.event"))),
    case("decision at 2025-02-07T16:00:00Z (00:00 on 8 February in Shanghai) is accepted", "2025-02-08",
         {"caseId": "A-1", "history": H, "event": decide("2025-02-07T16:00:00Z")}, ok({"from": "notified", "to": "decided", "decision": "penalty"})),
    case("decision on 2025-02-08 (a make-up workday): service within 7 working days to 2025-02-18, publication within 20 working days to 2025-03-07",
         "2025-02-08", {"caseId": "A-1", "history": H, "event": decide("2025-02-08T02:00:00Z")}, decided),
    case("case opened without a lead: illegal transition", "2024-12-06",
         {"caseId": "B-2", "event": {"kind": "case-opened", "at": "2024-12-06T02:00:00Z"}}, err(("MR.Cases.IllegalTransition", "$.input.event"))),
    case("negative payment", "2025-02-08", {"caseId": "A-1", "history": H, "event": {"kind": "payment-received", "at": "2025-02-08T02:00:00Z", "amountYuan": -5}},
         err(("MR.Cases.NegativeAmount", "$.input.event.amountYuan"))),
    case("no event", "2025-02-08", {"caseId": "A-1", "history": H}, err(("MR.Input.Required", "$.input.event"))),
]
write("case.transition.json",
      "case.transition/1 on the 2024 and 2025 statutory calendars (National Day 2024-10-01..07 with make-up workdays 2024-09-29 and 2024-10-12; "
      "Spring Festival 2025-01-28..02-04 with make-up workdays 2025-01-26 and 2025-02-08). Lead verification 15 working days (程序规定 Art 18); "
      "statement and defence 5 working days from service of the notice; decision 90 days from opening (行政处罚法 Art 60); service 7 working days "
      "(Arts 61, 85); publication 20 working days (公示规定 Art 9). Each date counted by hand.", cases)
