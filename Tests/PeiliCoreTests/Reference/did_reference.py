"""Writes did.json: difference-in-differences of a theme's change against comparison
themes' mean change, with the Welch-Satterthwaite interval of the linear combination,
computed with numpy/scipy from seeded respondent index scores (two independent waves)."""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(2026)
cases = []
for case in range(4):
    k = 1 + case  # comparison themes
    themes = []
    for t in range(k + 1):
        n1, n2 = rng.integers(20, 300, size=2)
        m1, m2 = rng.uniform(30, 80, size=2)
        s1, s2 = rng.uniform(8, 25, size=2)
        a = np.clip(rng.normal(m1, s1, n1), 0, 100)
        b = np.clip(rng.normal(m2, s2, n2), 0, 100)
        w = stats.ttest_ind(b, a, equal_var=False)
        q1, q2 = a.var(ddof=1) / n1, b.var(ddof=1) / n2
        se = np.sqrt(q1 + q2)
        themes.append(dict(n1=int(n1), mean1=float(a.mean()), sd1=float(a.std(ddof=1)),
                           n2=int(n2), mean2=float(b.mean()), sd2=float(b.std(ddof=1)),
                           diff=float(b.mean() - a.mean()), se=float(se), df=float(w.df)))
    target, comp = themes[0], themes[1:]
    did = target["diff"] - np.mean([c["diff"] for c in comp])
    parts = [(target["se"] ** 2, target["df"])] + [(c["se"] ** 2 / k ** 2, c["df"]) for c in comp]
    var = sum(v for v, _ in parts)
    df = var ** 2 / sum(v ** 2 / d for v, d in parts)
    crit = stats.t.ppf(0.975, df)
    cases.append(dict(themes=themes, did=float(did), se=float(np.sqrt(var)), df=float(df),
                      low=float(did - crit * np.sqrt(var)), high=float(did + crit * np.sqrt(var))))
json.dump(dict(cases=cases), open("did.json", "w"), indent=1)
