using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Widget.Browser.Tests.Infrastructure.Browsers))]

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// Playwright and one Chromium for the test assembly. Each visitor gets a fresh context: a new,
/// empty profile in which Chromium blocks third-party cookies, which is the case that matters.
/// </summary>
public sealed class Browsers : IAsyncLifetime
{
    /// <summary>
    /// How long any one step may take: clicks, waits and Expect assertions alike. Generous, because the suite's
    /// projects share two cores with a cluster of nodes, and a widget's first connection has been seen to take
    /// longer than 10 s there; a passing step never waits for it.
    /// </summary>
    public const float StepTimeoutMs = 20_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(StepTimeoutMs);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(ChromiumLaunch.Options());
    }

    /// <summary>A new visitor with a profile of their own; <paramref name="name"/> labels their log lines.</summary>
    public async Task<Visitor> NewVisitorAsync(string name, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(StepTimeoutMs);
        context.SetDefaultNavigationTimeout(StepTimeoutMs);
        return new Visitor(name, context);
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the browser ends Chromium; disposing Playwright ends its node driver.
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
