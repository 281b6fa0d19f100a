using System.Text.Json;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Together;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>"Browse together" through the script snippet: an invitation, a knock, an admission, and cursors on the host page.</summary>
public sealed class BrowseTogetherTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private const float FractionX = 0.25f;
    private const float FractionY = 0.5f;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdmittedGuest_SeesTheHostsCursorOverTheSameSpotOfTheSameElement_OnANarrowerScreen()
    {
        await using var anna = await browsers.NewVisitorAsync("anna", new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var boris = await browsers.NewVisitorAsync("boris", new() { ViewportSize = new() { Width = 760, Height = 900 } });
        var (annas, boriss, annaLogin, _, _) = await StartAndAdmitAsync(anna, boris);

        var target = annas.HostPage.Locator("#email");
        var annasBox = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("No box for the field.");
        var cursor = boriss.HostPage.Locator($"[data-widget-cursor=\"{annaLogin}\"]");
        await MoveUntilShownAsync(annas.HostPage, annasBox, cursor);
        var borisBox = await boriss.HostPage.Locator("#email").BoundingBoxAsync() ?? throw new InvalidOperationException("No box for the field.");
        var expected = (X: borisBox.X + (FractionX * borisBox.Width), Y: borisBox.Y + (FractionY * borisBox.Height));
        var drawn = await SettledAsync(cursor);

        Assert.NotEqual(annasBox.Width, borisBox.Width);
        Assert.Equal(expected.X, drawn.X, tolerance: 2);
        Assert.Equal(expected.Y, drawn.Y, tolerance: 2);
        await Expect(cursor).ToContainTextAsync(annaLogin);
        await Expect(boriss.HostPage.Locator($"[aria-hidden=true]:has([data-widget-cursor=\"{annaLogin}\"])")).ToHaveCountAsync(1);
        // Her own moves come back to her in the session's batches; her page never draws them.
        await Expect(annas.HostPage.Locator("[data-widget-cursor]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AGuestWhoReloads_IsBackInTheSessionWithoutAskingAgain_AndStillSeesTheCursor()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annas, boriss, annaLogin, _, _) = await StartAndAdmitAsync(anna, boris);

        await boriss.HostPage.ReloadAsync();

        await Expect(Frame(boriss).Locator(".together-people")).ToContainTextAsync(annaLogin);
        await Expect(Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeVisibleAsync();
        var target = annas.HostPage.Locator("#email");
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("No box for the field.");
        await MoveUntilShownAsync(annas.HostPage, box, boriss.HostPage.Locator($"[data-widget-cursor=\"{annaLogin}\"]"));
    }

    [Fact]
    public async Task AGuestScrolledAway_SeesTheHostPinnedToTheEdge_JumpsToHerOnClick_AndSeesHerClickRipple()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annas, boriss, annaLogin, _, _) = await StartAndAdmitAsync(anna, boris, tall: true);
        var box = await annas.HostPage.Locator("#email").BoundingBoxAsync() ?? throw new InvalidOperationException("No box for the field.");
        var cursor = boriss.HostPage.Locator($"[data-widget-cursor=\"{annaLogin}\"]");
        await MoveUntilShownAsync(annas.HostPage, box, cursor);

        await boriss.HostPage.EvaluateAsync("() => window.scrollTo(0, 2000)");
        var marker = boriss.HostPage.GetByRole(AriaRole.Button, new() { Name = $"{annaLogin} is above", Exact = true });
        await Expect(marker).ToBeVisibleAsync();
        await Expect(cursor).Not.ToBeInViewportAsync();
        await annas.HostPage.Mouse.MoveAsync(box.X + 10, box.Y + 10, new() { Steps = 3 });
        await Task.Delay(300, Ct);
        Assert.Equal(2000, await boriss.HostPage.EvaluateAsync<double>("() => window.scrollY"));
        await marker.ClickAsync();

        await Expect(cursor).ToBeInViewportAsync();
        await Expect(marker).ToHaveCountAsync(0);
        await boriss.HostPage.EvaluateAsync(RippleWatch);
        await annas.HostPage.Mouse.ClickAsync(box.X + (FractionX * box.Width), box.Y + (FractionY * box.Height));
        var ripple = await boriss.HostPage.EvaluateAsync<JsonElement>("() => window.rippleSeen")
            .WaitAsync(TimeSpan.FromMilliseconds(Browsers.StepTimeoutMs), Ct);

        Assert.Equal(annaLogin, ripple.GetProperty("name").GetString());
        Assert.True(ripple.GetProperty("hidden").GetBoolean(), "The ripple is not hidden from screen readers.");
        double At(string name) => ripple.GetProperty(name).GetDouble();
        Assert.Equal(At("fieldX") + (FractionX * At("fieldWidth")), At("x"), tolerance: 2);
        Assert.Equal(At("fieldY") + (FractionY * At("fieldHeight")), At("y"), tolerance: 2);
    }

    /// <summary>
    /// Carla's socket is slow: each answer to her knock reaches her in one frame with the host's reply, which the
    /// host sent once the knock showed. The reply is what she sees.
    /// </summary>
    [Fact]
    public async Task TheHost_DeclinesOne_RemovesAnother_AndEndsTheSessionForWhoeverIsLeft()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        await using var carla = await browsers.NewVisitorAsync("carla");
        var slowSocket = new LateHubAnswers("Knock", "Declined", "Admitted");
        await carla.Context.RouteWebSocketAsync(url => new Uri(url).AbsolutePath == TogetherHub.Path, slowSocket.Route);
        var (annas, boriss, _, tag, borisLogin) = await StartAndAdmitAsync(anna, boris);
        var invitation = new Uri(await Frame(annas).Locator(".together-link").InputValueAsync());
        var carlas = await OpenAsync(carla, invitation, tag);
        var carlaLogin = TestTags.NewLogin();
        await carlas.SignInThroughPopupAsync(carlaLogin);

        await Frame(carlas).GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Frame(annas).Locator(".together-knocks li", new() { HasText = carlaLogin }).GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(Frame(carlas).Locator(".together-status")).ToHaveTextAsync("The host declined your request to join.");
        await Expect(Frame(carlas).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeHiddenAsync();

        await Frame(annas).GetByRole(AriaRole.Button, new() { Name = $"Remove {borisLogin}" }).ClickAsync();
        await Expect(Frame(boriss).Locator(".together-status")).ToHaveTextAsync("The host removed you from the session.");
        await Expect(Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeHiddenAsync();
        await Expect(Frame(annas).Locator(".together-people")).Not.ToContainTextAsync(borisLogin);

        await Frame(carlas).GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Frame(annas).Locator(".together-knocks li", new() { HasText = carlaLogin }).GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(Frame(carlas).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeVisibleAsync();
        await Frame(annas).GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();

        await Expect(Frame(carlas).Locator(".together-status")).ToHaveTextAsync("The session has ended.");
        await Expect(Frame(carlas).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeHiddenAsync();
        await Expect(Frame(annas).GetByRole(AriaRole.Button, new() { Name = "Browse together" })).ToBeVisibleAsync();
        Assert.Equal(2, slowSocket.Coalesced);
    }

    [Fact]
    public async Task Starting_WhileTheTogetherHubIsOutOfReach_SaysSo_AndStartsOnceItIsBack()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { BrowseTogether = true }, Ct);
        var annas = await OpenAsync(anna, hostPages.Add(PageWithAForm(tag, tall: false)), tag);
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());
        const string hub = "**/hubs/together/**";
        await anna.Context.RouteAsync(hub, route => route.AbortAsync());
        var start = Frame(annas).GetByRole(AriaRole.Button, new() { Name = "Browse together" });

        await start.ClickAsync();
        await Expect(Frame(annas).Locator(".together-status")).ToHaveTextAsync("Browse together cannot be reached right now. Try again in a moment.");
        await anna.Context.UnrouteAsync(hub);
        await start.ClickAsync();

        await Expect(Frame(annas).Locator(".together-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("#widget-together=[A-Za-z0-9_-]{22}$"));
        await Expect(Frame(annas).Locator(".together-status")).ToBeEmptyAsync();
    }

    private async Task<(EmbeddedWidget Annas, EmbeddedWidget Boriss, string AnnaLogin, string Tag, string BorisLogin)> StartAndAdmitAsync(Visitor anna, Visitor boris, bool tall = false)
    {
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { BrowseTogether = true }, Ct);
        var hostPage = hostPages.Add(PageWithAForm(tag, tall));
        var (annaLogin, borisLogin) = (TestTags.NewLogin(), TestTags.NewLogin());

        var annas = await OpenAsync(anna, hostPage, tag);
        await annas.SignInThroughPopupAsync(annaLogin);
        await Frame(annas).GetByRole(AriaRole.Button, new() { Name = "Browse together" }).ClickAsync();
        var link = Frame(annas).Locator(".together-link");
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("#widget-together=[A-Za-z0-9_-]{22}$"));
        var invitation = new Uri(await link.InputValueAsync());

        var boriss = await OpenAsync(boris, invitation, tag);
        var door = Frame(boriss).Locator(".together-door");
        await Expect(door).ToContainTextAsync("You are invited to browse this page together.");
        await Expect(door).ToContainTextAsync("Passwords, card numbers, one-time codes and the parts the site keeps private are never shared.");
        await boriss.SignInThroughPopupAsync(borisLogin);
        await Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(Frame(boriss).Locator(".together-status")).ToHaveTextAsync("Waiting for the host to let you in…");

        var knock = Frame(annas).Locator(".together-knocks li");
        await Expect(knock).ToContainTextAsync($"{borisLogin} wants to join");
        await Expect(Frame(annas).GetByRole(AriaRole.Status).Filter(new() { HasText = "wants to join" })).ToHaveTextAsync($"{borisLogin} wants to join");
        await knock.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(Frame(annas).Locator(".together-status")).ToHaveTextAsync($"{borisLogin} joined.");
        await Expect(Frame(boriss).Locator(".together-people")).ToHaveTextAsync($"Browsing together: {annaLogin}, {borisLogin}");
        await Expect(Frame(boriss).Locator(".together-door")).ToBeHiddenAsync();
        return (annas, boriss, annaLogin, tag, borisLogin);
    }

    private static IFrameLocator Frame(EmbeddedWidget widget) => widget.Iframe.ContentFrame;

    private static async Task<EmbeddedWidget> OpenAsync(Visitor visitor, Uri page, string tag)
    {
        var tab = await visitor.Context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        return new EmbeddedWidget(tab, tab.Locator($"[data-widget-tag=\"{tag}\"] > iframe"));
    }

    /// <summary>
    /// Moves the mouse back and forth onto the spot until the other page draws the cursor: the host page's module
    /// loads and takes its port only after the admission, and a mouse that stands still sends nothing.
    /// </summary>
    private static async Task MoveUntilShownAsync(IPage page, LocatorBoundingBoxResult box, ILocator cursor)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Browsers.StepTimeoutMs);
        while (await cursor.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The cursor never appeared on the other page.");
            await page.Mouse.MoveAsync(box.X + 5, box.Y + 5);
            await page.Mouse.MoveAsync(box.X + (FractionX * box.Width), box.Y + (FractionY * box.Height), new() { Steps = 3 });
            await Task.Delay(150, Ct);
        }
    }

    /// <summary>The cursor's tip once it has stopped gliding.</summary>
    private static async Task<(double X, double Y)> SettledAsync(ILocator cursor)
    {
        (double X, double Y) last = (double.NaN, double.NaN);
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(100, Ct);
            var box = await cursor.BoundingBoxAsync() ?? throw new InvalidOperationException("The cursor has no box.");
            if (Math.Abs(box.X - last.X) < 0.5 && Math.Abs(box.Y - last.Y) < 0.5)
            {
                return last;
            }

            last = (box.X, box.Y);
        }

        return last;
    }

    /// <summary>
    /// Waits on the host page for the first ripple drawn, as it lasts well under a second: its name, whether it is
    /// hidden from screen readers, its centre and, at that same moment, the field's box.
    /// </summary>
    private const string RippleWatch =
        """
        () => {
          window.rippleSeen = new Promise((resolve) => new MutationObserver((records, observer) => {
            const ring = records.flatMap((r) => [...r.addedNodes]).find((n) => n.nodeType === 1 && n.hasAttribute('data-widget-ripple'));
            if (!ring) return;
            observer.disconnect();
            const box = ring.getBoundingClientRect();
            const field = document.getElementById('email').getBoundingClientRect();
            resolve({
              name: ring.getAttribute('data-widget-ripple'),
              hidden: ring.closest('[aria-hidden="true"]') !== null,
              x: box.left + box.width / 2,
              y: box.top + box.height / 2,
              fieldX: field.left,
              fieldY: field.top,
              fieldWidth: field.width,
              fieldHeight: field.height,
            });
          }).observe(document.documentElement, { childList: true, subtree: true }));
        }
        """;

    /// <summary>
    /// A webmaster's page whose form field takes a share of the window's width, so its box differs between the two
    /// screens; a tall one goes on far below the chat, for scrolling away from someone's cursor.
    /// </summary>
    private string PageWithAForm(string tag, bool tall) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Order form</title></head>
        <body>
        <h1>Order form</h1>
        <form>
          <p><label for="name">Name</label> <input id="name" style="width: 40%"></p>
          <p><label for="email">Email</label> <input id="email" style="width: 60%; height: 40px"></p>
        </form>
        <div data-widget-tag="{tag}" data-widget-min-height="300" data-widget-max-height="700"></div>
        {(tall ? "<div style=\"height: 4000px\"></div>" : "")}
        <script async src="{new Uri(app.BaseAddress, "/embed.js")}"></script>
        </body>
        </html>
        """;
}
