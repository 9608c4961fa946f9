"""What loading a page costs the browser's main thread, read from a Chromium trace: the tasks
that run after the first contentful paint, which hold up a reader's first tap (Lighthouse's
total blocking time counts what each runs over 50 ms), and the style recalculations that touch
nearly every element of the page. scripts/benchmark.py gives these as figures beside the
baselines'; tests/test_material_assets.py counts the whole-page restyles of Material's start.

Lighthouse simulates a phone from a trace taken at full speed, and its blocking time moved by
a factor of two between runs of the same page on this shared machine. Here the processor is
slowed four times while the trace is taken (as Lighthouse's phone assumes), and the tasks are
read as Chromium ran them."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"]
CPU_SLOWDOWN = 4
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
# Lighthouse's long task: what a task runs beyond this blocks input
LONG_TASK_MS = 50
# a restyle of at least this share of the page's elements restyles the page whole (Material's
# own tooltips, added as it starts, are the rest)
WHOLE_PAGE_SHARE = 0.9


@dataclass(frozen=True)
class MainThread:
    blocking_ms: float  # after the first contentful paint: each task's time beyond 50 ms, summed
    longest_task_ms: float  # the longest task after the first contentful paint
    busy_ms: float  # every task of the page's main thread, from the start of the load
    whole_page_restyles: int  # after the first contentful paint (or from main_thread's restyles_from)


def main_thread(events: list[dict], elements: int, restyles_from: str | None = None) -> MainThread:
    """The figures of one traced page load. `elements`: how many elements the page has.
    `restyles_from`: the whole-page restyles are counted from the moment the first script whose
    address holds this text starts to run, not from the first contentful paint. On a busy
    machine the parser can yield before most of the page is parsed, so that the first paint
    comes before the page's own first styling of most of its elements, which then counts as a
    whole-page restyle (seen once in a test run beside two other browsers on two cores)."""
    paints = [event for event in events if event.get("name") == "firstContentfulPaint"]
    if not paints:
        raise ValueError("the trace has no first contentful paint: the page painted nothing")
    paint = paints[-1]
    thread = (paint["pid"], paint["tid"])
    mine = sorted((event for event in events
                   if (event.get("pid"), event.get("tid")) == thread and event.get("ph") == "X"),
                  key=lambda event: event["ts"])
    tasks, end = [], 0
    for event in mine:  # the top-level tasks: a task run inside another is part of it
        if event["name"] == "RunTask" and event["ts"] >= end:
            tasks.append(event)
            end = event["ts"] + event.get("dur", 0)
    after = [task["dur"] / 1000 for task in tasks if task["ts"] >= paint["ts"]]
    counted_from = paint["ts"]
    if restyles_from is not None:
        starts = [event["ts"] for event in mine if event["name"] == "EvaluateScript"
                  and restyles_from in event.get("args", {}).get("data", {}).get("url", "")]
        if not starts:
            raise ValueError(f"the trace has no script run from an address holding {restyles_from!r}")
        counted_from = min(starts)
    restyles = [event for event in mine if event["name"] == "UpdateLayoutTree" and event["ts"] >= counted_from
                and event.get("args", {}).get("elementCount", 0) >= WHOLE_PAGE_SHARE * elements]
    return MainThread(blocking_ms=sum(max(0.0, task - LONG_TASK_MS) for task in after),
                      longest_task_ms=max(after, default=0.0),
                      busy_ms=sum(task["dur"] for task in tasks) / 1000,
                      whole_page_restyles=len(restyles))


def traced(browser, page, load, restyles_from: str | None = None) -> MainThread:
    """The figures of `load(page)`, traced in `browser` (Playwright's Chromium) from the start
    of the call to its end; `load` opens the page and waits for whatever should be seen.
    `restyles_from`: as for main_thread."""
    browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    try:
        load(page)
    finally:
        trace = browser.stop_tracing()
    elements = page.evaluate("document.getElementsByTagName('*').length")
    return main_thread(json.loads(trace)["traceEvents"], elements, restyles_from)


def traced_load(browser, url: str, origin: str, settle_ms: int = 3000) -> MainThread:
    """`url` loaded once in a new phone-sized context of `browser`, the processor slowed
    CPU_SLOWDOWN times, traced until `settle_ms` after the load event; any request outside
    `origin` is aborted."""
    context = browser.new_context(**PHONE)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})

        def load(page) -> None:
            page.goto(url, wait_until="load")
            page.wait_for_timeout(settle_ms)

        return traced(browser, page, load)
    finally:
        context.close()


def median_figures(loads: list[MainThread]) -> dict[str, float]:
    """Each figure's median over several loads of the same page."""
    return {name: statistics.median(getattr(load, name) for load in loads)
            for name in MainThread.__dataclass_fields__}
