"""Writes the conformance vectors of complaint.transition/1 and report.reward/1.
Every expected date was counted by hand on the 2026 statutory calendar (Qingming 04-04..06; Labour Day 05-01..05 with the
make-up workday Sat 05-09; National Day 10-01..07 with the make-up workday Sat 10-10) and cross-checked against
Data/Calendar/statutory-calendar.json; every amount by hand from the measures' percentages, floors and cap.
Run from the repository root: python3 eng/vectors/make_complaint_vectors.py"""
import json
V = 'src/MarketRules.Testing/Vectors/'
def write(name, description, vectors):
    with open(V + name, 'w', encoding='utf-8') as f:
        json.dump({"description": description, "vectors": vectors}, f, ensure_ascii=False, indent=2)
        f.write('\n')
def ok(result): return {"ok": True, "result": result}
def err(*pairs): return {"ok": False, "errors": [{"code": c, "path": p} for c, p in pairs]}
def at(day, hour=2): return f"{day}T{hour:02d}:00:00Z"  # 10:00 in Beijing
def creq(as_of, history, event, cid="C-1", jurisdiction=None):
    r = {"rule": "complaint.transition/1", "asOf": as_of, "input": {"complaintId": cid, "history": history, "event": event}}
    if jurisdiction: r["jurisdiction"] = jurisdiction
    return r
def ev(kind, day, **facts): return {"kind": kind, "at": at(day), **facts}

complaints = [
    {"name": "received 2026-04-14, the last day of Order 20: acceptance due 2026-04-23 (7 working days)",
     "request": creq("2026-04-14", [], ev("received", "2026-04-14")),
     "expected": ok({"order": "order20", "from": "none", "to": "received",
                     "deadlines": [{"kind": "acceptance", "from": "2026-04-14", "lastDay": "2026-04-23", "overdue": False}]})},
    {"name": "received 2026-04-15, the first day of Order 121: acceptance due 2026-04-24",
     "request": creq("2026-04-15", [], ev("received", "2026-04-15")),
     "expected": ok({"order": "order121", "to": "received",
                     "deadlines": [{"kind": "acceptance", "from": "2026-04-15", "lastDay": "2026-04-24"}]})},
    {"name": "received Monday 2026-09-28: 7 working days over National Day end on 2026-10-13 (C8.2)",
     "request": creq("2026-09-28", [], ev("received", "2026-09-28")),
     "expected": ok({"deadlines": [{"kind": "acceptance", "lastDay": "2026-10-13"}]})},
    {"name": "Order 20: accepted 2026-04-16, mediation limit 45 working days, 2026-06-23; acceptance met",
     "request": creq("2026-04-16", [ev("received", "2026-04-14")], ev("accepted", "2026-04-16")),
     "expected": ok({"order": "order20", "to": "accepted", "met": ["acceptance"], "missed": [],
                     "deadlines": [{"kind": "mediation", "from": "2026-04-16", "lastDay": "2026-06-23"}]})},
    {"name": "Order 121: accepted 2026-08-03, day 60 is 2026-10-02 (National Day), the limit moves to 2026-10-08 (Art 45, C8.3)",
     "request": creq("2026-08-03", [ev("received", "2026-07-28")], ev("accepted", "2026-08-03")),
     "expected": ok({"order": "order121", "deadlines": [{"kind": "mediation", "from": "2026-08-03", "lastDay": "2026-10-08"}]})},
    {"name": "Order 121: testing from 2026-08-10 to 2026-08-20 excludes 10 days, the limit moves to 2026-10-12 (C8.5)",
     "request": creq("2026-08-20", [ev("received", "2026-07-28"), ev("accepted", "2026-08-03"), ev("mediation-started", "2026-08-04", bothPartiesConsent=True),
                                    ev("testing-started", "2026-08-10", pause="testing")], ev("testing-ended", "2026-08-20")),
     "expected": ok({"from": "mediation-paused", "to": "mediating",
                     "deadlines": [{"kind": "mediation", "lastDay": "2026-10-12", "excludedDays": 10, "paused": False}]})},
    {"name": "Order 121: refused for false materials and for refusing identity verification (Art 16 (五)(六))",
     "request": creq("2026-05-06", [ev("received", "2026-04-30")], ev("refused", "2026-05-06", refusalGrounds=["identity-not-verified", "false-materials"])),
     "expected": ok({"to": "refused", "refusalGrounds": ["false-materials", "identity-not-verified"], "deadlines": []})},
    {"name": "Order 20 has no false-materials ground",
     "request": creq("2026-04-16", [ev("received", "2026-04-14")], ev("refused", "2026-04-16", refusalGrounds=["false-materials"])),
     "expected": err(("MR.Complaints.GroundNotInForce", "$.input.event"))},
    {"name": "accepted after the 7 working days: recorded as missed",
     "request": creq("2026-04-27", [ev("received", "2026-04-15")], ev("accepted", "2026-04-27")),
     "expected": ok({"to": "accepted", "met": [], "missed": ["acceptance"]})},
    {"name": "termination on 2026-09-30: both parties told by 2026-10-15 (7 working days over National Day)",
     "request": creq("2026-09-30", [ev("received", "2026-07-28"), ev("accepted", "2026-08-03"), ev("mediation-started", "2026-08-04", bothPartiesConsent=True)],
                     ev("mediation-terminated", "2026-09-30", endGround="no-agreement-possible")),
     "expected": ok({"to": "mediation-ended", "endGround": "no-agreement-possible",
                     "deadlines": [{"kind": "termination-notice", "from": "2026-09-30", "lastDay": "2026-10-15"}]})},
    {"name": "mediation without both parties' consent is rejected",
     "request": creq("2026-08-04", [ev("received", "2026-07-28"), ev("accepted", "2026-08-03")], ev("mediation-started", "2026-08-04")),
     "expected": err(("MR.Complaints.ConsentRequired", "$.input.event"))},
    {"name": "a bad event in the history is named by its index",
     "request": creq("2026-08-04", [ev("received", "2026-07-28"), ev("agreement-reached", "2026-07-29")], ev("accepted", "2026-08-03")),
     "expected": err(("MR.Complaints.IllegalTransition", "$.input.history[1]"))},
    {"name": "an acceptance deadline running into 2027 is outside the statutory calendar",
     "request": creq("2026-12-28", [], ev("received", "2026-12-28")),
     "expected": err(("MR.Calendar.OutOfRange", "$.input.event"))},
    {"name": "an unknown member is refused",
     "request": creq("2026-04-15", [], {**ev("received", "2026-04-15"), "recievedBy": "330106"}),
     "expected": err(("MR.Engine.UnknownMember", "$.input.event.recievedBy"))},
    {"name": "an event kind outside the enumeration is refused",
     "request": creq("2026-04-15", [], ev("lodged", "2026-04-15")),
     "expected": err(("MR.Engine.WrongType", "$.input.event.kind"))},
    {"name": "an impossible date is refused",
     "request": creq("2026-04-15", [], ev("received", "2026-04-15", harmKnownOn="2026-02-30")),
     "expected": err(("MR.Engine.WrongType", "$.input.event.harmKnownOn"))},
]
write("complaint.transition.json",
      "complaint.transition/1 across SAMR Order 20 (received up to 2026-04-14) and Order 121 (from 2026-04-15): acceptance 7 working days (Order 20 Art 14; "
      "Order 121 Art 15); mediation 45 working days (Order 20 Art 21 (五)) or 60 days counted under Order 121 Art 45, testing time excluded (Art 22); "
      "termination notice 7 working days (Art 23 ¶2). Each date counted by hand on the 2026 statutory calendar.", complaints)

def rreq(jurisdiction, **inp):
    return {"rule": "report.reward/1", "asOf": "2026-06-30", "jurisdiction": jurisdiction, "input": {"closedOn": "2026-06-30", **inp}}
rewards = [
    {"name": "Zhejiang: 100,000 yuan of fines and confiscations reaches 10万（含）; level 3 gives 1 % = 1,000, exactly the floor",
     "request": rreq("330000", level="level3", finesAndConfiscationsYuan=100000),
     "expected": ok({"eligible": True, "qualifiesBy": ["large-amount"], "amountYuan": 1000, "floorApplied": False, "capApplied": False})},
    {"name": "Zhejiang: one fen below 10万 is not a major violation",
     "request": rreq("330000", level="level1", finesAndConfiscationsYuan=99999.99),
     "expected": ok({"eligible": False, "exclusions": ["not-major-violation"], "amountYuan": 0})},
    {"name": "Shaanxi: 300,000 reaches 30万, level 2 gives 3 % = 9,000",
     "request": rreq("610000", level="level2", finesAndConfiscationsYuan=300000),
     "expected": ok({"eligible": True, "amountYuan": 9000, "floorApplied": False})},
    {"name": "level 1 on 12,000,000: 600,000, set with the finance department",
     "request": rreq("330000", level="level1", finesAndConfiscationsYuan=12000000),
     "expected": ok({"amountYuan": 600000, "needsFinanceCoDecision": True, "capApplied": False})},
    {"name": "level 1 on 30,000,000: 1,500,000 capped at 1,000,000 per case",
     "request": rreq("330000", level="level1", finesAndConfiscationsYuan=30000000),
     "expected": ok({"amountYuan": 1000000, "capApplied": True, "needsFinanceCoDecision": True})},
    {"name": "exact to the fen: 1 % of 123,456.79 is 1,234.5679, rounded half up to 1,234.57",
     "request": rreq("330000", level="level3", finesAndConfiscationsYuan=123456.79),
     "expected": ok({"percentageYuan": 1234.5679, "amountYuan": 1234.57})},
    {"name": "the same rounded down to the fen when the caller says so",
     "request": rreq("330000", level="level3", finesAndConfiscationsYuan=123456.79, rounding="down-to-fen"),
     "expected": ok({"amountYuan": 1234.56})},
    {"name": "a suspected crime qualifies without fines: the level 2 floor is the minimum",
     "request": rreq("110000", level="level2", suspectedCrime=True),
     "expected": ok({"eligible": True, "qualifiesBy": ["crime"], "amountYuan": 3000, "floorApplied": True})},
    {"name": "a province without a shipped threshold: the amount alone cannot be judged",
     "request": rreq("110000", level="level1", finesAndConfiscationsYuan=200000),
     "expected": {"ok": False, "errors": [{"code": "MR.Rewards.ThresholdNotSet"}]}},
    {"name": "a reporter who is not a natural person gets no reward",
     "request": rreq("330000", level="level1", finesAndConfiscationsYuan=200000, reporterIsNaturalPerson=False),
     "expected": ok({"eligible": False, "exclusions": ["not-natural-person"]})},
    {"name": "the level is required",
     "request": rreq("330000", finesAndConfiscationsYuan=200000),
     "expected": err(("MR.Rewards.LevelRequired", "$.input.level"))},
    {"name": "a level outside the enumeration is refused",
     "request": rreq("330000", level="level4", finesAndConfiscationsYuan=200000),
     "expected": err(("MR.Engine.WrongType", "$.input.level"))},
]
write("report.reward.json",
      "report.reward/1 under 国市监稽规〔2021〕4号: 5 % / 3 % / 1 % of fines and confiscations with floors 5,000 / 3,000 / 1,000 yuan and a cap of "
      "1,000,000 yuan per case; 500,000 and above set with the finance department; the provincial 较大数额 from the shipped packs (Zhejiang 10万, "
      "Shaanxi 30万, inclusive). Rounding to the fen is not in the measures: half up by default, stated in the explanation.", rewards)
