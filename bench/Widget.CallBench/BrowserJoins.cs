using Microsoft.Playwright;
using Widget.Bench.Shared;

namespace Widget.CallBench;

/// <summary>What one call of <see cref="Participants"/> measured: the last joiner's time from its click on "Join
/// the call" to the first decoded frame of any peer and of every peer, and node A's CPU and memory.</summary>
internal sealed record CallJoin(
    int Participants, double FirstFrameMs, double AllFramesMs, double JoinCpuPercent, double HeldCpuPercent, long RssBeforeBytes,
    long RssHeldBytes);

/// <summary>
/// Chromium with fake camera and microphone, one context per participant, each with the widget of a new
/// channel open on node A and signed in through the popup. All but one join first and connect; the last
/// one's join is timed in its page (performance.now) from the click to decoded frames, read from getStats().
/// </summary>
internal static class BrowserJoins
{
    private const string Recorder = """
        (() => {
          const Native = window.RTCPeerConnection;
          window.recordedPeers = [];
          window.RTCPeerConnection = function (config = {}) {
            const pc = new Native(config);
            window.recordedPeers.push(pc);
            return pc;
          };
          window.RTCPeerConnection.prototype = Native.prototype;
        })();
        """;

    // Clicks "Join the call" when asked, then polls every 20 ms until `peers` open connections decode video.
    private const string UntilFrames = """
        async ({ click, peers }) => {
          const start = performance.now();
          if (click) document.querySelector('.call-join').click();
          let first = null;
          while (performance.now() - start < 60000) {
            let decoding = 0;
            for (const pc of window.recordedPeers.filter((p) => p.connectionState !== 'closed')) {
              let frames = 0;
              (await pc.getStats()).forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded ?? 0; });
              if (frames > 0) decoding += 1;
            }
            if (decoding > 0 && first === null) first = performance.now() - start;
            if (decoding >= peers) return [first, performance.now() - start];
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          throw new Error(`fewer than ${peers} peers decoding after 60 s`);
        }
        """;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-gpu", "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
    ];

    public static async Task<CallJoin> MeasureAsync(IBrowser browser, BenchCluster cluster, int participants, CancellationToken ct)
    {
        var tag = await cluster.NewCallChannelAsync(ct);
        var pid = cluster.A.Pid ?? throw new InvalidOperationException("Node A is not running.");
        var contexts = new List<IBrowserContext>();
        try
        {
            var rssBefore = ProcessSample.Of(pid).RssBytes;
            var pages = new List<IPage>();
            for (var i = 0; i < participants; i++)
            {
                var context = await browser.NewContextAsync();
                contexts.Add(context);
                context.SetDefaultTimeout(30_000);
                await context.AddInitScriptAsync(Recorder);
                pages.Add(await SignedInWidgetAsync(context, new Uri(cluster.PublicOrigin, "w/" + tag)));
            }

            for (var i = 0; i < participants - 1; i++)
            {
                await pages[i].EvaluateAsync<double?[]>(UntilFrames, new { click = true, peers = i });
            }

            for (var i = 0; i < participants - 1; i++)
            {
                await pages[i].EvaluateAsync<double?[]>(UntilFrames, new { click = false, peers = participants - 2 });
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var beforeJoin = ProcessSample.Of(pid);
            var times = await pages[^1].EvaluateAsync<double?[]>(UntilFrames, new { click = true, peers = participants - 1 });
            var joined = ProcessSample.Of(pid);
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            var held = ProcessSample.Of(pid);
            return new CallJoin(participants, times[0] ?? 0, times[1] ?? 0, ProcessSample.CpuPercent(beforeJoin, joined),
                ProcessSample.CpuPercent(joined, held), rssBefore, held.RssBytes);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    public static BrowserTypeLaunchOptions LaunchOptions() =>
        new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs };

    private static async Task<IPage> SignedInWidgetAsync(IBrowserContext context, Uri widget)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(widget.ToString());
        var popup = await page.RunAndWaitForPopupAsync(() => page.Locator(".signin-button").First.ClickAsync());
        await popup.Locator("input[name=login]").FillAsync("bench" + Guid.NewGuid().ToString("N")[..10]);
        await popup.Locator("input[name=password]").FillAsync("any password");
        await popup.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await popup.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".call-join").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        return page;
    }
}
