# json (written in Python): dumps with indent, sort_keys, separators, ensure_ascii, default; loads and its errors.
import asyncio
import json
import sys
from dataclasses import dataclass, asdict

@dataclass
class User:
    id: int
    name: str
    tags: list

async def fetch(uid):
    await asyncio.sleep(0.1 * uid)
    return json.dumps({"id": uid, "name": f"user{uid}", "tags": ["a", "é"], "score": uid / 3, "ok": uid % 2 == 0, "x": None})

async def main():
    bodies = await asyncio.gather(*(fetch(i) for i in range(1, 4)))
    for body in bodies:
        print(body)
        data = json.loads(body)
        print(data, type(data["score"]).__name__)
    users = [User(d["id"], d["name"], d["tags"]) for d in map(json.loads, bodies)]
    print(json.dumps([asdict(u) for u in users], indent=2, sort_keys=True, ensure_ascii=False))
    print(json.dumps({"b": (1, 2.5, float("inf")), 3: True, None: "n"}, separators=(",", ":")))
    print(json.dumps({"when": User(9, "z", [])}, default=lambda o: f"<{o.name}>"))
    json.dump({"k": [1, {"n": []}]}, sys.stdout, indent=4)
    print()
    for bad in ["", "[1,", '{"a" 1}', "{a:1}", "[1] x", '"abc', "nul"]:
        try:
            json.loads(bad)
        except json.JSONDecodeError as e:
            print(type(e).__name__, isinstance(e, ValueError), e, e.pos, e.lineno, e.colno)
    for obj in [{(1, 2): 3}, {1, 2}, object]:
        try:
            json.dumps(obj)
        except TypeError as e:
            print("TypeError", e)
    loop = []
    loop.append(loop)
    try:
        json.dumps(loop)
    except ValueError as e:
        print("ValueError", e)

asyncio.run(main())
