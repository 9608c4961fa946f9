"""The headless Chromium every tool of the edition drives (the PDF, screenshots, the benchmark,
the tests): Debian's build, never one that downloads itself, with its calls home switched off
(this machine has no network beyond the package registries)."""

CHROMIUM = "/usr/bin/chromium"

# What Playwright (1.65, pinned in requirements.txt) switches off itself. Chromium reads only the
# last --disable-features it is given, so a list of ours must repeat Playwright's or it would turn
# those back on (tests/test_browser.py checks the browser's own command line against this).
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
    "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
    "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
]
# Headless Chromium 156 still makes the address bar's drop-down, a page of its own rendered in
# its own process, for every window, and a browser context is a window: measured, 20 contexts
# each opening one page took 32.9 s of CPU with it and 16.9 s without (the two features together;
# either alone saves nothing). No page of the edition is affected: it is the browser's own UI.
NO_ADDRESS_BAR_POPUP = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + NO_ADDRESS_BAR_POPUP)]
