using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// A person with a browser profile of their own. What their pages, frames and popups log, throw and
/// fail to load is kept and written to the test's output, so a failure shows what the widget said.
/// </summary>
public sealed class Visitor : IAsyncDisposable
{
    private readonly string name;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> log = new();
    private readonly ConcurrentQueue<string> offMachine = new();

    internal Visitor(string name, IBrowserContext context)
    {
        this.name = name;
        Context = context;
        // Console messages of cross-site iframes and popups reach the context too.
        context.Console += (_, message) => Log($"console.{message.Type} {message.Text} ({message.Location})");
        context.WebError += (_, error) => Log($"uncaught {error.Error} on {error.Page?.Url}");
        context.Request += (_, request) =>
        {
            if (!Loopback.Serves(request.Url))
            {
                offMachine.Enqueue(request.Url);
            }
        };
        context.RequestFailed += (_, request) => Log($"request failed: {request.Method} {request.Url}: {request.Failure}");
        context.Page += (_, page) =>
        {
            Log($"page opened: {page.Url}");
            page.FrameNavigated += (_, frame) => Log($"{(frame.ParentFrame is null ? "page" : "frame")} at {frame.Url}");
            page.Close += (_, _) => Log($"page closed: {page.Url}");
        };
    }

    public IBrowserContext Context { get; }

    /// <summary>Every address this visitor's pages, frames and popups asked for beyond this machine.</summary>
    public IReadOnlyCollection<string> RequestsOffThisMachine => offMachine;

    /// <summary>Opens a webmaster's page in a new tab and returns the widget embedded in it.</summary>
    public async Task<EmbeddedWidget> OpenAsync(Uri hostPage)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(hostPage.ToString());
        return new EmbeddedWidget(page);
    }

    /// <summary>The cookies, as name=value, that the browser would send to <paramref name="site"/>.</summary>
    public async Task<IReadOnlyList<string>> CookiesForAsync(Uri site) =>
        [.. (await Context.CookiesAsync([site.ToString()])).Select(cookie => $"{cookie.Name}={cookie.Value}").Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        finally
        {
            // Written while the test is still running, so the output belongs to it.
            var output = TestContext.Current.TestOutputHelper;
            foreach (var line in log)
            {
                output?.WriteLine(line);
            }
        }
    }

    private void Log(string line) => log.Enqueue($"[{name} +{clock.Elapsed.TotalSeconds:0.000}s] {line}");
}
