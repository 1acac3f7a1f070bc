"""Every figure next to its target (issue 7), as a console table, Markdown and JSON."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    figure: str
    measured: str
    target: str = ""
    verdict: str = ""  # "met", "missed", or "" (no target, or a target for another size or backend)


def _ms(d: dict | None, *keys: str) -> str:
    if not d:
        return "n/a"
    return " / ".join(f"{d[k]:.1f}" if d.get(k) is not None else "n/a" for k in keys) + " ms"


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "missed")


def rows(result: dict) -> list[Row]:
    n, backend = result["synthetic"], result["backend"]
    at_5k, at_50k = n == 5000, n == 50000
    out = [Row("services (findable)", f"{result['services']:,} ({result['findable']:,})",
               f"demo set + {n:,} synthetic")]
    if result.get("load_s") is not None:
        note = " (reused)" if result.get("load_reused") else ""
        out.append(Row("data load, `demo load --synthetic N`", f"{result['load_s']:.1f} s{note}"))
    build = result.get("rebuild")
    if build:
        ok = build["seconds"] <= 60 if at_50k else None
        busy = " (busy machine)" if build.get("cpu_share_other", 0) >= 0.08 else ""
        out.append(Row("`search rebuild`", f"{build['seconds']:.1f} s on {build['cores']} cores "
                       f"({build['cpu_seconds']:.0f} s CPU, index {build['index_mb']:.0f} MB){busy}",
                       "≤ 60 s at 50,000", _verdict(ok)))
    lat = result.get("latency", {})
    json_new = lat.get("json_new_search")
    if json_new:
        if backend == "postgres":
            target, ok = "p95 ≤ 100 ms at 50,000 (PostgreSQL)", json_new["p95_ms"] <= 100 if at_50k else None
        else:
            target, ok = "p95 ≤ 25 ms at 5,000 (Whoosh)", json_new["p95_ms"] <= 25 if at_5k else None
        out.append(Row("`/services.json` new search p50 / p95 / p99", _ms(json_new, "p50_ms", "p95_ms", "p99_ms"),
                       target, _verdict(ok)))
        out.append(Row("`/services.json` first searches after start p50 / p95 / p99",
                       _ms(lat.get("json_first_searches"), "p50_ms", "p95_ms", "p99_ms")))
        out.append(Row("`/services.json` repeat search p50 / p95 / p99",
                       _ms(lat.get("json_repeat"), "p50_ms", "p95_ms", "p99_ms")))
        out.append(Row("`/services` page new search p50 / p95 / p99",
                       _ms(lat.get("html_new_search"), "p50_ms", "p95_ms", "p99_ms")))
        out.append(Row("`/services` page repeat search p50 / p95 / p99",
                       _ms(lat.get("html_repeat"), "p50_ms", "p95_ms", "p99_ms")))
    load = result.get("throughput", {})
    if "ceiling" in load:
        ceiling = load["ceiling"]["requests_per_s"]
        out.append(Row("trivial route (framework ceiling)", _rps(load["ceiling"])))
        search = load["search"]
        share = search["requests_per_s"] / ceiling if ceiling else 0
        ok = share >= 0.30 if at_5k and backend == "whoosh" else None
        out.append(Row("`/services` page under load", f"{_rps(search)}, {share:.0%} of the ceiling",
                       "≥ 30 % of the ceiling at 5,000 (Whoosh)", _verdict(ok)))
        if "search_uncached" in load:
            un = load["search_uncached"]
            out.append(Row("`/services` page under load, page cache off",
                           f"{_rps(un)}, {un['requests_per_s'] / ceiling:.0%} of the ceiling"))
        out.append(Row("a service page under load", _rps(load["service"])))
        memory = load.get("worker_memory") or []
        if memory:
            rss = max(m["rss_mb"] for m in memory)
            ok = rss <= 250 if at_50k else None
            out.append(Row("resident memory per worker after the load",
                           f"{rss:.0f} MB RSS (PSS {max(m['pss_mb'] for m in memory):.0f} MB)",
                           "≤ 250 MB at 50,000", _verdict(ok)))
    fresh = load.get("while_running") if load else None
    if fresh and fresh.get("searchable"):
        s = fresh["searchable"]
        ok = s["max_ms"] <= 1000 and not fresh["not_found_within_30_s"]
        out.append(Row("an edit is searchable (from the start of its commit)",
                       f"p50 {s['p50_ms']:.0f} ms, max {s['max_ms']:.0f} ms over {fresh['edits']} edits "
                       f"(commit with index update p50 {fresh['commit']['p50_ms']:.0f} ms)",
                       "≤ 1 s", _verdict(ok)))
    return out


def _rps(run: dict) -> str:
    flag = "" if run.get("clean", True) else " (busy machine)"
    return f"{run['requests_per_s']:,.0f} req/s, p99 {run.get('p99_ms', 0):.1f} ms{flag}"


def console(table: list[Row]) -> str:
    width = max(len(r.figure) for r in table)
    lines = []
    for r in table:
        target = f"   target: {r.target}" if r.target else ""
        verdict = f"   [{r.verdict}]" if r.verdict else ""
        lines.append(f"{r.figure:<{width}}  {r.measured}{target}{verdict}")
    return "\n".join(lines)


def markdown(table: list[Row], result: dict) -> str:
    env = result["environment"]
    head = (f"{result['backend']} backend, demo set + {result['synthetic']:,} synthetic services; "
            f"{env['cpus']} CPUs ({env['cpu_model']}), Python {env['python']}, commit {env['commit']}, "
            f"{env['date']}; load average {env['load_start'][0]:.2f} at the start, "
            f"{env['load_end'][0]:.2f} at the end.")
    lines = [head, "", "| figure | measured | target | |", "|---|---|---|---|"]
    lines += [f"| {r.figure} | {r.measured} | {r.target} | {r.verdict} |" for r in table]
    return "\n".join(lines) + "\n"
