using Microsoft.Playwright;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// How the tests start Debian's Chromium. Playwright never downloads a browser here: there is no
/// network for it, and the browser under test is the one the distribution ships.
/// </summary>
internal static class ChromiumLaunch
{
    private const string DebianChromium = "/usr/bin/chromium";

    // Playwright 1.64's own --disable-features list minus ThirdPartyStoragePartitioning. Chromium
    // reads only the last --disable-features switch, so this replaces Playwright's list, and the
    // widget's iframe gets the partitioned storage that Chrome gives visitors instead of none at all.
    // A test asserts the partitioning, so a Playwright upgrade that changes this cannot pass unseen.
    private static readonly string[] DisabledFeatures =
    [
        "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
        "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding",
        "BlockOriginHeaderModificationOnRedirect", "AvoidCorsURLLoaderRestartOnRedirect", "Translate",
        "AutoDeElevate", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    ];

    public static BrowserTypeLaunchOptions Options()
    {
        if (!File.Exists(DebianChromium))
        {
            throw new InvalidOperationException($"{DebianChromium} is missing: install Debian's chromium package (apt-get install chromium).");
        }

        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium,
            Headless = true,
            Args =
            [
                // Chromium refuses its sandbox as root, which is how CI runs.
                "--no-sandbox",
                // Without these Chromium keeps calling home, and retries without end on a closed network.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-gpu",
                "--disable-quic",
                // Every name but loopback fails inside the browser, before any lookup leaves the
                // machine: the development provider's login page imports a web font from the Internet.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1",
                "--disable-features=" + string.Join(',', DisabledFeatures),
                // Calls: fake cameras and microphones, granted without a prompt, and peer connections over
                // loopback, which Chromium otherwise leaves out of its candidates. Three cameras, so a test can
                // switch to another that a peer connection can send: the second fake one gives 16-bit depth
                // frames, which no encoder takes.
                "--use-fake-device-for-media-stream=device-count=3",
                "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection",
            ],
        };
    }
}
