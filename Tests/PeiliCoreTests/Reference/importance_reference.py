#!/usr/bin/env python3
"""Reference values for derived importance (issue 4): Pearson r and its two-sided p between each
respondent's theme score and their outcome answer, per theme, for all respondents and under a
segment filter, with the importance-performance grid's means and quadrants.

Regenerate (numpy and scipy required) from the repository root:

    python3 Tests/PeiliCoreTests/Reference/importance_reference.py > Tests/PeiliCoreTests/Reference/importance.json

Definitions (as in DESIGN.md section 6 and the peili code):
- answer index = (x - min) / (max - min) * 100; blank = missing
- respondent theme score = mean index of the theme's answered questions
- importance = scipy.stats.pearsonr(theme score, outcome answer index) over respondents who have
  both; the outcome's own theme is not a driver
- performance = mean theme score over every respondent with one (numpy mean)
- grid: split at the means of importance and performance over the placed themes; a value equal
  to a mean counts as high
"""
import json
import sys

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261129)

questions = [
    {"id": "a1", "theme": "alpha", "min": 1, "max": 5},
    {"id": "a2", "theme": "alpha", "min": 1, "max": 5},
    {"id": "a3", "theme": "alpha", "min": 1, "max": 5},
    {"id": "b1", "theme": "beta", "min": 1, "max": 7},
    {"id": "b2", "theme": "beta", "min": 1, "max": 7},
    {"id": "c1", "theme": "gamma", "min": 1, "max": 5},
    {"id": "c2", "theme": "gamma", "min": 1, "max": 5},
    {"id": "d1", "theme": "delta", "min": 1, "max": 5},
    {"id": "o1", "theme": "outcome", "min": 0, "max": 10, "outcome": True, "nps": True},
    {"id": "o2", "theme": "outcome", "min": 1, "max": 5},
]
drivers = ["alpha", "beta", "gamma", "delta"]
weights = {"alpha": 0.8, "beta": 0.3, "gamma": -0.1, "delta": 0.5}
regions = ["north", "south", "east"]

respondents = []
for i in range(90):
    mood = rng.normal()
    opinion = {t: rng.normal() + weights[t] * mood for t in drivers}
    opinion["outcome"] = mood + rng.normal(scale=0.7)
    answers = []
    for q in questions:
        if rng.random() < 0.06:
            answers.append(None)
            continue
        mid = (q["min"] + q["max"]) / 2
        spread = (q["max"] - q["min"]) / 4
        v = int(round(mid + spread * (opinion[q["theme"]] + rng.normal(scale=0.8))))
        answers.append(min(q["max"], max(q["min"], v)))
    respondents.append({"id": f"r{i + 1}", "region": regions[int(rng.integers(0, 3))], "answers": answers})


def index(q, v):
    return (v - q["min"]) / (q["max"] - q["min"]) * 100


def theme_score(r, theme):
    xs = [index(q, v) for q, v in zip(questions, r["answers"]) if q["theme"] == theme and v is not None]
    return sum(xs) / len(xs) if xs else None


outcome = next(k for k, q in enumerate(questions) if q.get("outcome"))


def analyse(rows):
    themes = []
    for t in drivers:
        pairs = []
        for r in rows:
            x = theme_score(r, t)
            y = r["answers"][outcome]
            if x is not None and y is not None:
                pairs.append((x, index(questions[outcome], y)))
        xs = np.array([p[0] for p in pairs])
        ys = np.array([p[1] for p in pairs])
        res = stats.pearsonr(xs, ys)
        scores = [s for s in (theme_score(r, t) for r in rows) if s is not None]
        themes.append({
            "theme": t, "n": len(pairs), "r": float(res.statistic), "p": float(res.pvalue),
            "performance": float(np.mean(scores)), "performance_n": len(scores),
        })
    mi = float(np.mean([t["r"] for t in themes]))
    mp = float(np.mean([t["performance"] for t in themes]))
    for t in themes:
        hi, good = t["r"] >= mi, t["performance"] >= mp
        t["quadrant"] = {(True, False): "concentrate here", (True, True): "keep up",
                         (False, False): "low priority", (False, True): "possible overkill"}[(hi, good)]
    return {"themes": themes, "mean_importance": mi, "mean_performance": mp}


result = {
    "generator": "Tests/PeiliCoreTests/Reference/importance_reference.py",
    "numpy": np.__version__,
    "scipy": __import__("scipy").__version__,
    "questions": questions,
    "respondents": respondents,
    "all": analyse(respondents),
    "filtered": {"filter": {"region": "north"}, **analyse([r for r in respondents if r["region"] == "north"])},
}
json.dump(result, sys.stdout, indent=1)
sys.stdout.write("\n")
