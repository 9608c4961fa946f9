"""The headless Chromium every tool of the edition drives (the PDF, screenshots, the benchmark,
the tests): Debian's build, never one that downloads itself, with its calls home switched off
(this machine has no network beyond the package registries)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
