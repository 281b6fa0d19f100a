using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Pods through the script snippet: a signed-in visitor shows herself on a page, and who sees her pod move.</summary>
public sealed class VisitorPodsTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVisitorWhoOptsIn_IsSeenMovingByAnAnonymousVisitorOnThatPage_AndNotOnAnother()
    {
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { ShowVisitors = true }, Ct);
        var shop = hostPages.Add(Page(tag, "Shop"));
        var about = hostPages.Add(Page(tag, "About"));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris", new() { ReducedMotion = ReducedMotion.Reduce });
        await using var carla = await browsers.NewVisitorAsync("carla");
        var annaLogin = TestTags.NewLogin();

        var annas = await OpenAsync(anna, shop, tag);
        var boriss = await OpenAsync(boris, shop, tag);
        var carlas = await OpenAsync(carla, about, tag);
        var toggle = annas.Iframe.ContentFrame.GetByRole(AriaRole.Checkbox, new() { Name = "Show me on this page" });
        await Expect(toggle).ToBeHiddenAsync();
        await annas.SignInThroughPopupAsync(annaLogin);
        await Expect(toggle).Not.ToBeCheckedAsync();
        await toggle.CheckAsync();

        var pod = boriss.HostPage.Locator($"[data-widget-pod=\"{annaLogin}\"]");
        await MoveUntilShownAsync(annas.HostPage, 100, 100, pod);
        var first = await pod.BoundingBoxAsync() ?? throw new InvalidOperationException("The pod has no box.");
        await MoveUntilAsync(annas.HostPage, 400, 300, async () => (await pod.BoundingBoxAsync())?.X > first.X + 200);

        await Expect(pod).ToContainTextAsync(annaLogin);
        await Expect(boriss.HostPage.Locator($"[aria-hidden=true]:has([data-widget-pod=\"{annaLogin}\"])")).ToHaveCountAsync(1);
        Assert.Equal("none", await pod.EvaluateAsync<string>("e => e.style.transition"));
        await Expect(boriss.Iframe.ContentFrame.GetByRole(AriaRole.Checkbox, new() { Name = "Show me on this page" })).ToBeHiddenAsync();
        await Expect(carlas.HostPage.Locator("[data-widget-pod]")).ToHaveCountAsync(0);
        // Her own position comes back to her in the room's batches; her page never draws it.
        await Expect(annas.HostPage.Locator("[data-widget-pod]")).ToHaveCountAsync(0);

        await toggle.UncheckAsync();
        await Expect(pod).ToHaveCountAsync(0);
    }

    private static async Task<EmbeddedWidget> OpenAsync(Visitor visitor, Uri page, string tag)
    {
        var tab = await visitor.Context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        var widget = new EmbeddedWidget(tab, tab.Locator($"[data-widget-tag=\"{tag}\"] > iframe"));
        await Expect(widget.Iframe.ContentFrame.Locator(".widget")).ToBeAttachedAsync();
        return widget;
    }

    private static Task MoveUntilShownAsync(IPage page, float x, float y, ILocator pod) =>
        MoveUntilAsync(page, x, y, async () => await pod.CountAsync() > 0);

    /// <summary>
    /// Moves the mouse about the spot until <paramref name="seen"/> holds: the module and the hub connection come up
    /// on their own time, and a mouse that stands still sends nothing.
    /// </summary>
    private static async Task MoveUntilAsync(IPage page, float x, float y, Func<Task<bool>> seen)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Browsers.StepTimeoutMs);
        while (!await seen())
        {
            Assert.True(DateTime.UtcNow < deadline, "The other page never showed the move.");
            await page.Mouse.MoveAsync(x + 5, y + 5);
            await page.Mouse.MoveAsync(x, y, new() { Steps = 3 });
            await Task.Delay(150, Ct);
        }
    }

    private string Page(string tag, string title) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{title}</title></head>
        <body>
        <h1>{title}</h1>
        <div style="height: 600px"></div>
        <div data-widget-tag="{tag}" data-widget-min-height="300" data-widget-max-height="700"></div>
        <script async src="{new Uri(app.BaseAddress, "/embed.js")}"></script>
        </body>
        </html>
        """;
}
