#!/usr/bin/env python3
"""Reference values for favourable shares of clustered answers (issue 12, items 4 and 5): a
theme's favourable % from respondents who each answer several of its questions, its interval,
and changes of favourable % and NPS between two waves.

Regenerate (numpy, scipy and statsmodels required) from the repository root:

    python3 Tests/PeiliCoreTests/Reference/clustered_favourable_reference.py \
        > Tests/PeiliCoreTests/Reference/clustered_favourable.json

Data: two waves of customers (250 and 240 respondents), each with a latent opinion per
respondent that every one of their answers shares (answers of one respondent are correlated),
answering 3-7 of the 7 "service" questions, 3-4 of the 4 "trust" questions and, mostly, the one
0-10 NPS question of "loyalty". A region per respondent gives a filtered section (segment cells
merged).

Definitions (as in DESIGN.md section 6 and the peili code):
- favourable answer = one of the top two options (9-10 on 0-10)
- a respondent's favourable share in a theme = favourable answers / their answered items there
- theme favourable % = mean of respondents' shares (n = respondents with an answer); interval =
  statsmodels DescrStatsW(shares).tconfint_mean() (mean +/- t(0.975, n-1) s/sqrt(n)), clamped to
  0...1
- naive (the old estimate): all answers pooled, statsmodels proportion_confint(method="wilson")
- question favourable % (one answer per respondent): Wilson, as before
- theme favourable change (follow-up - baseline) in points: Welch on the respondents' shares x 100,
  statsmodels CompareMeans(...).ttest_ind/tconfint_diff(usevar="unequal")
- question favourable change in points: two-proportion z, pooled SE for the test
  (statsmodels proportions_ztest), unpooled SE for the interval
  (confint_proportions_2indep(method="wald")), x 100
- NPS change: z = diff / sqrt(SE1^2 + SE2^2), SE = 100 sqrt((p + d - (p - d)^2) / n), normal CI
"""
import json
import sys

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

rng = np.random.default_rng(20261212)

questions = (
    [{"id": f"s{i}", "theme": "service", "min": 1, "max": 5} for i in range(1, 8)]
    + [{"id": f"t{i}", "theme": "trust", "min": 1, "max": 5} for i in range(1, 5)]
    + [{"id": "l1", "theme": "loyalty", "min": 0, "max": 10, "nps": True}]
)
themes = ["service", "trust", "loyalty"]
regions = ["north", "south", "east"]
waves = [
    {"id": "2024-09", "date": "2024-09-15", "respondents": 250, "shift": 0.0},
    {"id": "2025-09", "date": "2025-09-15", "respondents": 240, "shift": 0.35},
]


def generate(wave):
    rows = []
    for i in range(wave["respondents"]):
        mood = rng.normal()
        latent = {t: 0.8 * mood + 0.6 * rng.normal() + wave["shift"] for t in themes}
        answered = {
            "service": set(rng.choice(7, size=int(rng.integers(3, 8)), replace=False).tolist()),
            "trust": set(rng.choice(4, size=int(rng.integers(3, 5)), replace=False).tolist()),
        }
        answers = []
        for q in questions:
            position = int(q["id"][1:]) - 1
            if q["theme"] in answered and position not in answered[q["theme"]]:
                answers.append(None)
                continue
            if q["theme"] == "loyalty" and rng.random() < 0.1:
                answers.append(None)
                continue
            mid = (q["min"] + q["max"]) / 2 + (q["max"] - q["min"]) / 10
            spread = (q["max"] - q["min"]) / 4
            v = int(round(mid + spread * (latent[q["theme"]] + 0.5 * rng.normal())))
            answers.append(min(q["max"], max(q["min"], v)))
        rows.append(
            {"id": f"{wave['id']}-r{i + 1}", "region": regions[int(rng.integers(0, 3))], "answers": answers}
        )
    return rows


def favourable(q, v):
    return v >= q["max"] - 1


def shares(rows, theme):
    out = []
    for r in rows:
        marks = [favourable(q, v) for q, v in zip(questions, r["answers"]) if q["theme"] == theme and v is not None]
        if marks:
            out.append(sum(marks) / len(marks))
    return np.array(out)


def theme_estimate(rows, theme):
    s = shares(rows, theme)
    d = DescrStatsW(s)
    low, high = d.tconfint_mean(alpha=0.05)
    k = sum(
        favourable(q, v) for r in rows for q, v in zip(questions, r["answers"]) if q["theme"] == theme and v is not None
    )
    n_answers = sum(1 for r in rows for q, v in zip(questions, r["answers"]) if q["theme"] == theme and v is not None)
    w_low, w_high = proportion_confint(k, n_answers, alpha=0.05, method="wilson")
    se = float(d.std_mean)
    naive_se = float(np.sqrt((k / n_answers) * (1 - k / n_answers) / n_answers))
    return {
        "theme": theme,
        "n": int(len(s)),
        "share": float(d.mean),
        "sd": float(np.std(s, ddof=1)),
        "se": se,
        "t_crit": float(stats.t.ppf(0.975, len(s) - 1)),
        "low": float(max(0.0, low)),
        "high": float(min(1.0, high)),
        "naive": {"k": int(k), "n": int(n_answers), "p": k / n_answers, "low": float(w_low), "high": float(w_high)},
        # How much wider the honest interval is than the pooled one's normal approximation.
        "design_effect": (se / naive_se) ** 2,
    }


def question_estimates(rows):
    out = []
    for j, q in enumerate(questions):
        vs = [r["answers"][j] for r in rows if r["answers"][j] is not None]
        k = sum(favourable(q, v) for v in vs)
        low, high = proportion_confint(k, len(vs), alpha=0.05, method="wilson")
        out.append({"question": q["id"], "k": int(k), "n": len(vs), "p": k / len(vs), "low": float(low), "high": float(high)})
    return out


def theme_change(before, after, theme):
    a, b = shares(after, theme) * 100, shares(before, theme) * 100
    cm = CompareMeans(DescrStatsW(a), DescrStatsW(b))
    t, p, df = cm.ttest_ind(usevar="unequal")
    low, high = cm.tconfint_diff(alpha=0.05, usevar="unequal")
    se = float(np.sqrt(np.var(a, ddof=1) / len(a) + np.var(b, ddof=1) / len(b)))
    return {
        "theme": theme,
        "diff": float(a.mean() - b.mean()),
        "se": se,
        "t": float(t),
        "df": float(df),
        "p": float(p),
        "low": float(low),
        "high": float(high),
        "n1": int(len(b)),
        "n2": int(len(a)),
    }


def question_change(before, after, j):
    q = questions[j]
    vb = [r["answers"][j] for r in before if r["answers"][j] is not None]
    va = [r["answers"][j] for r in after if r["answers"][j] is not None]
    k1, n1 = sum(favourable(q, v) for v in vb), len(vb)
    k2, n2 = sum(favourable(q, v) for v in va), len(va)
    z, p = proportions_ztest([k2, k1], [n2, n1], value=0, alternative="two-sided")
    low, high = confint_proportions_2indep(k2, n2, k1, n1, method="wald", compare="diff", alpha=0.05)
    return {
        "question": q["id"],
        "k1": int(k1),
        "n1": n1,
        "k2": int(k2),
        "n2": n2,
        "diff": 100 * (k2 / n2 - k1 / n1),
        "z": float(z),
        "p": float(p),
        "low": 100 * float(low),
        "high": 100 * float(high),
    }


def nps(rows, j):
    vs = [r["answers"][j] for r in rows if r["answers"][j] is not None]
    n = len(vs)
    pro = sum(v >= 9 for v in vs)
    det = sum(v <= 6 for v in vs)
    p, d = pro / n, det / n
    return {"promoters": pro, "detractors": det, "n": n, "nps": 100 * (p - d), "se": 100 * np.sqrt((p + d - (p - d) ** 2) / n)}


def nps_change(before, after, j):
    a, b = nps(before, j), nps(after, j)
    diff = b["nps"] - a["nps"]
    se = float(np.sqrt(a["se"] ** 2 + b["se"] ** 2))
    z = diff / se
    crit = stats.norm.ppf(0.975)
    return {
        "question": questions[j]["id"],
        "before": {k: (int(v) if k != "nps" and k != "se" else float(v)) for k, v in a.items()},
        "after": {k: (int(v) if k != "nps" and k != "se" else float(v)) for k, v in b.items()},
        "diff": diff,
        "se": se,
        "z": z,
        "p": float(2 * stats.norm.sf(abs(z))),
        "low": diff - crit * se,
        "high": diff + crit * se,
    }


data = {w["id"]: generate(w) for w in waves}
before, after = data[waves[0]["id"]], data[waves[1]["id"]]
nps_index = next(j for j, q in enumerate(questions) if q.get("nps"))
filter_region = "north"


def section(rows_by_wave):
    b, a = rows_by_wave[waves[0]["id"]], rows_by_wave[waves[1]["id"]]
    return {
        "waves": {
            w["id"]: {
                "themes": [theme_estimate(rows_by_wave[w["id"]], t) for t in themes],
                "questions": question_estimates(rows_by_wave[w["id"]]),
            }
            for w in waves
        },
        "theme_changes": [theme_change(b, a, t) for t in themes],
        "question_changes": [question_change(b, a, j) for j in range(len(questions))],
        "nps_change": nps_change(b, a, nps_index),
    }


filtered = {w: [r for r in rows if r["region"] == filter_region] for w, rows in data.items()}
out = {
    "provenance": (
        f"numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, "
        "seed 20261212; two-sided 95%"
    ),
    "questions": questions,
    "waves": [{"id": w["id"], "date": w["date"]} for w in waves],
    "respondents": {w: rows for w, rows in data.items()},
    "all": section(data),
    "filtered": {"filter": {"region": filter_region}, **section(filtered)},
}
json.dump(out, sys.stdout, indent=1, sort_keys=True)
sys.stdout.write("\n")
