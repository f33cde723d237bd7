#!/usr/bin/env python3
"""A slow, independent reading of 大庆 第十条 (with the award's subject, 第五条, and
第三十一条's ban as policies/daqing-2018.award reads them), to check daqing-baseline against.

    python3 bench/baseline/reference.py --on 2024-06-30 FILE > expected.jsonl

It prints the same lines as daqing-baseline for records that can be read (the
error messages are not meant to match word for word; for bad records it prints
{"applicant": ..., "error": true}). Compare with
    diff <(daqing-baseline --on D FILE | sed 's/"error":"[^"]*"/"error":true/') expected.jsonl
(the sed is only right when no message contains an escaped quote; see README).
"""
import argparse
import calendar
import datetime
import json
import re
import sys

F, U, T = 0, 1, 2


def t_and(*xs):
    return min(xs)


def t_or(*xs):
    return max(xs)


def t_not(x):
    return 2 - x


def tri(b):
    return T if b else F


class Bad(Exception):
    pass


DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def parse_date(s):
    if not isinstance(s, str) or not DATE.match(s):
        raise Bad("date")
    try:
        return datetime.date(int(s[:4]), int(s[5:7]), int(s[8:]))
    except ValueError:
        raise Bad("impossible date")


def add_years(d, n):
    y = d.year + n
    return datetime.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out  # key -> list of values


def get(obj, key, types):
    vals = obj.get(key)
    if vals is None:
        return None
    if len(vals) > 1:
        raise Bad("duplicate " + key)
    v = vals[0]
    if not isinstance(v, types):  # types is never int, so bool-is-int does not matter
        raise Bad("type " + key)
    return v


def elements(obj, key):
    lst = get(obj, key, list)
    if lst is None:
        return None
    for e in lst:
        if not isinstance(e, dict):
            raise Bad("element of " + key)
    return lst


def decide(rec, R):
    W = add_years(R, -3)

    def window(e):
        d = get(e, "date", str)
        return U if d is None else tri(W <= parse_date(d) <= R)

    kind = get(rec, "kind", str)
    if kind is not None and kind not in ("organization", "individual"):
        raise Bad("kind")
    subject = U if kind is None else tri(kind == "organization")

    region = get(rec, "region", str)
    legal = get(rec, "legal_person", bool)
    reg = get(rec, "registered_on", str)
    exc = get(rec, "excellence_model_since", str)
    one = t_and(U if region is None else tri(region == "大庆市"),
                U if legal is None else tri(legal),
                U if reg is None else tri(add_years(parse_date(reg), 3) <= R))

    j = get(rec, "judgements", dict)
    jd = {}
    if j is not None:
        for k, vals in j.items():
            if len(vals) > 1 and k in ("core_technology", "excellence_results", "policy_compliance", "good_faith"):
                raise Bad("duplicate judgement")
            for v in vals:
                if not isinstance(v, bool):
                    raise Bad("judgement type")
            jd[k] = vals[-1]

    def J(name):
        return U if name not in jd else tri(jd[name])

    three = t_and(U if exc is None else tri(parse_date(exc) <= R), J("excellence_results"))

    dis = elements(rec, "dishonesty_records")
    if dis is None:
        five_a = U
    else:
        five_a = T
        for e in dis:
            s = get(e, "serious", bool)
            five_a = t_and(five_a, t_not(U if s is None else tri(s)))

    inc = elements(rec, "incidents")
    if inc is None:
        six_a = U
    else:
        six_a = T
        for e in inc:
            k = get(e, "kind", str)
            if k is not None and k not in ("quality", "production_safety", "environment", "public_health",
                                           "food_safety", "labor_protection", "service", "other"):
                raise Bad("incident kind")
            listed = U if k is None else tri(k in ("quality", "production_safety", "public_health", "environment"))
            six_a = t_and(six_a, t_not(t_and(window(e), listed)))

    pen = elements(rec, "penalties")
    if pen is None:
        six_b = U
    else:
        six_b = T
        for e in pen:
            six_b = t_and(six_b, t_not(window(e)))

    spot = elements(rec, "spot_checks")
    if spot is None:
        seven = U
    else:
        seven = T
        for e in spot:
            lv = get(e, "level", str)
            if lv is not None and lv not in ("national", "provincial", "city", "county"):
                raise Bad("level")
            level = U if lv is None else tri(lv != "county")
            p = get(e, "passed", bool)
            seven = t_and(seven, t_or(t_not(t_and(window(e), level)), U if p is None else tri(p)))

    ex = get(rec, "export_notices", list)
    eight = U if ex is None else tri(len(ex) == 0)

    et = get(rec, "entity_type", str)
    if et is not None and et not in ("enterprise", "public_institution", "social_organization", "branch", "other"):
        raise Bad("entity_type")
    act = get(rec, "activity", list)
    if act is not None:
        for a in act:
            if not isinstance(a, str):
                raise Bad("activity element")
    ent = U if et is None else tri(et == "enterprise")
    acts = U if act is None else tri(any(a in ("production", "service", "research", "design", "education", "medical") for a in act))
    nine = t_or(ent, acts)

    # 第三十一条 as policies/daqing-2018.award reads it: no fraud finding within 4
    # years before R that names a 大庆 award or no award at all (title is optional).
    W4 = add_years(R, -4)
    fraud = elements(rec, "award_fraud")
    if fraud is None:
        thirty_one = U
    else:
        thirty_one = T
        for e in fraud:
            d = get(e, "date", str)
            recent = U if d is None else tri(W4 <= parse_date(d) <= R)
            title = get(e, "title", str)
            daqing = T if title is None else tri(title in ("大庆市政府质量奖", "大庆市政府质量奖提名奖"))
            thirty_one = t_and(thirty_one, t_not(t_and(recent, daqing)))

    # The award is gated on its subject first: only an organisation's items are read.
    if subject != T:
        return ("ineligible", ["第五条"]) if subject == F else ("undetermined", [])
    items = [subject, one, J("core_technology"), three, J("policy_compliance"),
             t_and(five_a, J("good_faith")), t_and(six_a, six_b), seven, eight, nine, thirty_one]
    refs = ["第五条"] + ["第十条（%s）" % n for n in "一二三四五六七八九"] + ["第三十一条"]
    allv = t_and(*items)
    verdict = {T: "eligible", F: "ineligible", U: "undetermined"}[allv]
    failed = [refs[i] for i, x in enumerate(items) if x == F]
    return verdict, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--on", required=True)
    ap.add_argument("file")
    a = ap.parse_args()
    R = parse_date(a.on)
    src = sys.stdin.buffer if a.file == "-" else open(a.file, "rb")
    out = sys.stdout
    for raw in src:
        line = raw.rstrip(b"\n").rstrip(b"\r")
        if not line.strip(b" \t"):
            continue
        rid = None
        try:
            rec = json.loads(line, object_pairs_hook=no_duplicates)
            if not isinstance(rec, dict):
                raise Bad("not an object")
            ids = rec.get("id")
            if ids is not None and len(ids) == 1 and isinstance(ids[0], str):
                rid = ids[0]
            rid = get(rec, "id", str)
            if rid is None:
                raise Bad("id missing")
            verdict, failed = decide(rec, R)
        except (Bad, ValueError) as e:
            out.write(json.dumps({"applicant": rid, "error": True}, ensure_ascii=False, separators=(",", ":")) + "\n")
            continue
        out.write(json.dumps({"applicant": rid, "award": "quality", "verdict": verdict, "failed": failed},
                             ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
