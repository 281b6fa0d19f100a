using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Filling in the demo site's booking form together: text, choices, a joiner's copy, and the fields never shared.</summary>
public sealed partial class BrowseTogetherFormsTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoPeopleTypingInOneTextareaAtOnce_EndWithTheSameText_AndNoCharacterLost()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annas, boriss) = await StartAndAdmitAsync(anna, boris);
        await BothSyncingAsync(annas.HostPage, boriss.HostPage);
        const string annaTypes = "anna types these words slowly";
        const string borisTypes = "BORIS TYPES AT ONCE 1234567";

        await annas.HostPage.Locator("#wishes").ClickAsync();
        await boriss.HostPage.Locator("#wishes").ClickAsync();
        await Task.WhenAll(
            annas.HostPage.Locator("#wishes").PressSequentiallyAsync(annaTypes, new() { Delay = 25 }),
            boriss.HostPage.Locator("#wishes").PressSequentiallyAsync(borisTypes, new() { Delay = 25 }));

        var ended = await SettledAsync(annas.HostPage.Locator("#wishes"), boriss.HostPage.Locator("#wishes"), annaTypes.Length + borisTypes.Length);
        Assert.True(IsSubsequence(annaTypes, ended), $"Anna's typing is not all in '{ended}'.");
        Assert.True(IsSubsequence(borisTypes, ended), $"Boris's typing is not all in '{ended}'.");
        // Neither caret was moved by the other's typing, so each one's words stayed in one piece.
        Assert.Contains(annaTypes, ended, StringComparison.Ordinal);
        Assert.Contains(borisTypes, ended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJoiner_GetsWhatWasFilledInBefore_AndChoicesGoBothWays_WithABadgeOnTheFieldInUse()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annas, boriss) = await StartAndAdmitAsync(anna, boris, async annaPage =>
        {
            await annaPage.Locator("#wishes").FillAsync("A quiet corner, please");
            await annaPage.Locator("#time").SelectOptionAsync("20:00");
            await annaPage.Locator("#terrace").CheckAsync();
            await annaPage.Locator("input[name=guests][value='4']").CheckAsync();
        });
        var borisPage = boriss.HostPage;

        await Expect(borisPage.Locator("#wishes")).ToHaveValueAsync("A quiet corner, please");
        await Expect(borisPage.Locator("#time")).ToHaveValueAsync("20:00");
        await Expect(borisPage.Locator("#terrace")).ToBeCheckedAsync();
        await Expect(borisPage.Locator("input[name=guests][value='4']")).ToBeCheckedAsync();

        await borisPage.Locator("#time").SelectOptionAsync("18:00");
        await borisPage.Locator("#terrace").UncheckAsync();
        await borisPage.Locator("input[name=guests][value='2']").CheckAsync();
        await borisPage.Locator("#note").FocusAsync();

        await Expect(annas.HostPage.Locator("#time")).ToHaveValueAsync("18:00");
        await Expect(annas.HostPage.Locator("#terrace")).Not.ToBeCheckedAsync();
        await Expect(annas.HostPage.Locator("input[name=guests][value='2']")).ToBeCheckedAsync();
        await Expect(annas.HostPage.Locator("[data-widget-editing]")).ToHaveTextAsync(new Regex(" is editing$"));
    }

    [Fact]
    public async Task APasswordAndACardNumber_NeverAppearInAnyWebSocketFrame_NorInTheServerLog_WhileTheNameDoes()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var frames = new ConcurrentQueue<string>();
        var (annas, boriss) = await StartAndAdmitAsync(anna, boris, watch: frames);
        await BothSyncingAsync(annas.HostPage, boriss.HostPage);
        var page = annas.HostPage;
        var secrets = new Dictionary<string, string>
        {
            ["#password"] = "Hunter2-secret-pw",
            ["#card"] = "4111111111111111",
            ["#otp"] = "918273",
            ["#phone"] = "+44-20-7946-0321",
        };

        foreach (var (field, secret) in secrets)
        {
            await page.Locator(field).FillAsync(secret);
            await page.Locator(field).PressSequentiallyAsync("Z");
        }

        await page.Locator("#name").FillAsync("Anna Karenina");
        await Expect(boriss.HostPage.Locator("#name")).ToHaveValueAsync("Anna Karenina");
        await Task.Delay(500, Ct);

        var wire = string.Join('\n', frames.Select(Readable));
        Assert.Contains("Anna Karenina", wire, StringComparison.Ordinal);
        foreach (var (field, secret) in secrets)
        {
            Assert.DoesNotContain(secret, wire, StringComparison.Ordinal);
            Assert.DoesNotContain(field, wire, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, string.Join('\n', app.Log.Lines), StringComparison.Ordinal);
            await Expect(boriss.HostPage.Locator(field)).ToHaveValueAsync("");
        }
    }

    /// <summary>Anna starts a session on the booking page and fills it in; Boris opens her link, knocks and is admitted.</summary>
    private async Task<(EmbeddedWidget Annas, EmbeddedWidget Boriss)> StartAndAdmitAsync(
        Visitor anna, Visitor boris, Func<IPage, Task>? annaFillsIn = null, ConcurrentQueue<string>? watch = null)
    {
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { BrowseTogether = true }, Ct);
        var hostPage = DemoSite.Add(hostPages, app.BaseAddress, tag).Book;
        var borisLogin = TestTags.NewLogin();

        var annas = await OpenAsync(anna, hostPage, tag, watch);
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());
        await Frame(annas).GetByRole(AriaRole.Button, new() { Name = "Browse together" }).ClickAsync();
        var link = Frame(annas).Locator(".together-link");
        await Expect(link).ToHaveValueAsync(new Regex("#widget-together=[A-Za-z0-9_-]{22}$"));
        if (annaFillsIn is not null)
        {
            await WaitForModuleAsync(annas.HostPage);
            await annaFillsIn(annas.HostPage);
        }

        var boriss = await OpenAsync(boris, new Uri(await link.InputValueAsync()), tag, watch);
        await boriss.SignInThroughPopupAsync(borisLogin);
        await Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        var knock = Frame(annas).Locator(".together-knocks li");
        await Expect(knock).ToContainTextAsync($"{borisLogin} wants to join");
        await knock.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(Frame(boriss).Locator(".together-leave")).ToBeVisibleAsync();
        return (annas, boriss);
    }

    /// <summary>The host page module syncs forms once its two layers, cursors and badges, are over the page.</summary>
    private static async Task WaitForModuleAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => [...document.documentElement.children].filter(e => e.getAttribute('aria-hidden') === 'true').length >= 2");

    /// <summary>Each side's change reaches the other: both modules have started and hear each other.</summary>
    private static async Task BothSyncingAsync(IPage anna, IPage boris)
    {
        await anna.Locator("#name").FillAsync("from anna");
        await Expect(boris.Locator("#name")).ToHaveValueAsync("from anna");
        await boris.Locator("#name").FillAsync("from boris");
        await Expect(anna.Locator("#name")).ToHaveValueAsync("from boris");
    }

    private static async Task<string> SettledAsync(ILocator one, ILocator other, int length)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Browsers.StepTimeoutMs);
        while (true)
        {
            var (a, b) = (await one.InputValueAsync(), await other.InputValueAsync());
            if (a == b && a.Length == length)
            {
                return a;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The two textareas differ: '{a}' and '{b}'.");
            await Task.Delay(100, Ct);
        }
    }

    private static bool IsSubsequence(string part, string whole)
    {
        var at = 0;
        foreach (var c in whole)
        {
            if (at < part.Length && part[at] == c)
            {
                at++;
            }
        }

        return at == part.Length;
    }

    /// <summary>A frame as text, with every base64 update in it decoded: form text travels inside Yjs updates.</summary>
    private static string Readable(string payload) =>
        payload + "\n" + string.Join('\n', Base64Run().Matches(payload).Select(m =>
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value));
            }
            catch (FormatException)
            {
                return "";
            }
        }));

    private static IFrameLocator Frame(EmbeddedWidget widget) => widget.Iframe.ContentFrame;

    /// <summary>Opens the page; with <paramref name="watch"/>, every WebSocket frame the widget's frame sends or gets lands there, read through the DevTools protocol.</summary>
    private static async Task<EmbeddedWidget> OpenAsync(Visitor visitor, Uri page, string tag, ConcurrentQueue<string>? watch)
    {
        var tab = await visitor.Context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        var widget = new EmbeddedWidget(tab, tab.Locator($"[data-widget-tag=\"{tag}\"] > iframe"));
        await Expect(Frame(widget).Locator(".widget")).ToBeVisibleAsync();
        if (watch is not null)
        {
            foreach (var target in new object[] { tab }.Concat(tab.Frames.Where(f => f.Url.Contains("/w/", StringComparison.Ordinal))))
            {
                var cdp = target is IPage p ? await visitor.Context.NewCDPSessionAsync(p) : await visitor.Context.NewCDPSessionAsync((IFrame)target);
                cdp.Event("Network.webSocketFrameSent").OnEvent += (_, e) => watch.Enqueue(PayloadOf(e));
                cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => watch.Enqueue(PayloadOf(e));
                await cdp.SendAsync("Network.enable");
            }
        }

        return widget;
    }

    private static string PayloadOf(JsonElement? e) =>
        e?.GetProperty("response").GetProperty("payloadData").GetString() ?? "";

    [GeneratedRegex("\"data\":\"([A-Za-z0-9+/=]+)\"")]
    private static partial Regex Base64Run();
}
