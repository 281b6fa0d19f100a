using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A claimed site's allowed domains decide, through frame-ancestors, which pages may show its widget.</summary>
public sealed class AllowedDomainsTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private const string Text = "only for listed sites";

    [Fact]
    public async Task Widget_OnAListedHost_IsShown()
    {
        var (tag, listedPage) = await ClaimForHostPageAsync();
        await using var reader = await browsers.NewVisitorAsync("reader");
        var refusals = new List<string>();
        reader.Context.Console += (_, message) =>
        {
            if (message.Text.Contains("frame-ancestors", StringComparison.Ordinal))
            {
                lock (refusals)
                {
                    refusals.Add(message.Text);
                }
            }
        };

        var widget = await reader.OpenAsync(listedPage);

        await Expect(widget.PostTexts).ToHaveTextAsync([Text]);
        await Expect(widget.Title).ToHaveTextAsync($"#{tag} on a listed site");
        lock (refusals)
        {
            Assert.Empty(refusals);
        }
    }

    [Fact]
    public async Task Widget_OnAHostNotInTheAllowedDomains_SaysSoAndWhichDomainToAdd()
    {
        var (_, listedPage) = await ClaimForHostPageAsync();
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();

        await page.GotoAsync(HostPages.OnOtherSite(listedPage).ToString());

        var frame = page.FrameLocator("iframe");
        await Expect(frame.Locator("main p")).ToHaveTextAsync([
            "This chat is not enabled on this site.",
            $"Site owner: add {HostPages.OtherSiteHost} to the allowed domains in the chat’s settings.",
        ]);
        await Expect(frame.Locator("body")).Not.ToContainTextAsync(Text);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("refused-embed.png") });
    }

    [Fact]
    public async Task Widget_OnAHostNotInTheAllowedDomainsThatHidesItsAddress_IsStillRefusedByThePolicy()
    {
        var (tag, listedPage) = await ClaimForHostPageAsync();
        var hidden = hostPages.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>A page that hides its address</title></head>
            <body><iframe src="{app.WidgetUri(tag)}" width="360" height="480" title="Chat"></iframe></body>
            </html>
            """);
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();

        // Chromium says why on the embedding page's console when it refuses the frame.
        var refusal = await page.RunAndWaitForConsoleMessageAsync(
            () => page.GotoAsync(HostPages.OnOtherSite(hidden).ToString()),
            new() { Predicate = message => message.Text.Contains("frame-ancestors", StringComparison.Ordinal) });

        Assert.StartsWith($"Framing '{app.BaseAddress}' violates", refusal.Text, StringComparison.Ordinal);
        Assert.Contains($"\"frame-ancestors 'self' {listedPage.Authority}\"", refusal.Text, StringComparison.Ordinal);
        var frame = Assert.Single(page.Frames, f => f != page.MainFrame);
        Assert.DoesNotContain(app.BaseAddress.Authority, frame.Url, StringComparison.Ordinal);
        await Expect(frame.Locator("body")).Not.ToContainTextAsync(Text);
    }

    [Fact]
    public async Task ScriptSnippet_OnAHostNotInTheAllowedDomains_SaysSoInTheFrameItMakes()
    {
        var (tag, _) = await ClaimForHostPageAsync();
        var scripted = hostPages.Add(EmbedSnippets.Inline(app.BaseAddress, tag));
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();

        await page.GotoAsync(HostPages.OnOtherSite(scripted).ToString());

        var frame = page.FrameLocator($"[data-widget-tag=\"{tag}\"] > iframe");
        await Expect(frame.Locator("main")).ToContainTextAsync("This chat is not enabled on this site.");
        await Expect(frame.Locator("body")).Not.ToContainTextAsync(Text);
    }

    [Fact]
    public async Task Widget_OnAListedHostWrittenWithoutItsPort_IsShown()
    {
        var (_, listedPage) = await ClaimForHostPageAsync(withPort: false);
        await using var reader = await browsers.NewVisitorAsync("reader");

        var widget = await reader.OpenAsync(listedPage);

        await Expect(widget.PostTexts).ToHaveTextAsync([Text]);
    }

    /// <summary>A site whose only allowed domain is the host page's own 127.0.0.1:PORT (or 127.0.0.1), and that page.</summary>
    private async Task<(string Tag, Uri Page)> ClaimForHostPageAsync(bool withPort = true)
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        var page = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag)));
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings
        {
            Title = $"#{tag} on a listed site",
            AllowedDomains = [withPort ? page.Authority : page.Host],
        }, ct);
        await owner.PostAsync(tag, Text, ct);
        return (tag, page);
    }
}
