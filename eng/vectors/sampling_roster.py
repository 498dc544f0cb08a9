# Builds the inline roster of sampling.plan.json and recomputes, independently of the library, the canonical roster
# hash, the prefix and the lowest-rank selection described in docs/sampling.md. Used by make_vectors.py.
import json, hashlib, math, random
A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
def uscc(region, n):
    body = "91" + region + "MA2H" + f"{n:05d}"
    assert len(body) == 17
    s = sum(A.index(c)*w for c, w in zip(body, W))
    return body + A[(31 - s % 31) % 31]
roster = []
n = 0
def add(region, industry, tier, status="active"):
    global n; n += 1
    roster.append({"creditCode": uscc(region, n), "name": f"Entity {n}", "region": region, "industry": industry, "tier": tier, "status": status})
for _ in range(21): add("330105", "C14", "A")          # 21 active: ceil(21 x 0.05) = ceil(1.05) = 2
for _ in range(3): add("330105", "C14", "C")           # 3 active: ceil(0.15) = 1
add("330105", "C14", "C", "deregistered")              # not active: not in the denominator, never drawn
add("330106", "F52", "B")                              # 1 active: ceil(0.05) = 1
seed = "00112233445566778899aabbccddeeff"
task = "2025-Q1-food"
def canon(r):
    return "|".join([r["creditCode"], r["region"], r["industry"], r["tier"], r.get("status","active"), "0", ""]) + "\n"
rh = hashlib.sha256("".join(canon(r) for r in sorted(roster, key=lambda r: r["creditCode"])).encode()).hexdigest()
prefix = hashlib.sha256(bytes.fromhex(seed)).digest() + hashlib.sha256(task.encode()).digest()
def rank(code): return hashlib.sha256(prefix + code.encode()).hexdigest()
strata = {}
for r in roster:
    if r["status"] == "active":
        strata.setdefault((r["region"], r["industry"], r["tier"]), []).append(r["creditCode"])
sel = {k: sorted(v, key=rank)[:math.ceil(len(v)*0.05)] for k, v in strata.items()}
print("rosterHash", rh)
print("prefix", prefix.hex())
for k, v in sel.items(): print(k, len(strata[k]), v)
shuffled = roster[:]; random.Random(7).shuffle(shuffled)
json.dump({"roster": roster, "shuffled": shuffled, "seed": seed, "task": task, "rosterHash": rh, "prefix": prefix.hex(),
           "sel": {"|".join(k): v for k, v in sel.items()}}, open("eng/vectors/sampling_data.json", "w"))
