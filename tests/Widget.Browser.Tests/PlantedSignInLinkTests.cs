using System.Net;
using System.Net.Http.Json;
using Widget.Browser.Tests.Infrastructure;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// The one-click takeover an outside probe found: someone posts a link to the sign-in popup with a
/// nonce of their own, a visitor signed in on the widget's domain follows it, and the planter collects
/// a code for the visitor's session. However the link is followed, no code may be made for it.
/// </summary>
public sealed class PlantedSignInLinkTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task PlantedPopupLink_FollowedBySignedInVisitor_GivesThePlanterNoCode()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        var verifier = PopupSignIn.NewVerifier();
        var nonce = PopupSignIn.NonceFor(verifier);
        var link = new Uri(app.BaseAddress, $"/auth/popup?provider={WidgetService.Provider}&nonce={nonce}").ToString();
        using (var planter = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct))
        {
            await planter.PostAsync(tag, "free stickers: " + link, ct);
        }

        await using var anna = await browsers.NewVisitorAsync("anna");
        var widget = await anna.OpenAsync(hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag))));
        await widget.SignInThroughPopupAsync(TestTags.NewLogin());
        var post = widget.Post("free stickers");

        // Followed three ways: as a link in a post opens (a new tab, no opener), opened by the widget's
        // own frame (an opener of our origin that never asked for this sign-in), and opened by the page
        // of another site (an opener that cannot hear us).
        var asLink = await widget.HostPage.RunAndWaitForPopupAsync(() => post.EvaluateAsync(
            "(post, href) => { const a = post.ownerDocument.createElement('a'); a.href = href; a.target = '_blank'; post.append(a); a.click(); }", link));
        var byWidget = await widget.HostPage.RunAndWaitForPopupAsync(() => post.EvaluateAsync("(post, href) => post.ownerDocument.defaultView.open(href)", link));
        var byHostPage = await widget.HostPage.RunAndWaitForPopupAsync(() => widget.HostPage.EvaluateAsync("href => window.open(href)", link));

        await Expect(post.Locator(".post-text")).ToContainTextAsync(link);
        await Expect(post.Locator(".post-text a")).ToHaveCountAsync(0);
        foreach (var page in new[] { asLink, byWidget, byHostPage })
        {
            await Expect(page.Locator(".signin-refused")).ToBeVisibleAsync();
            Assert.DoesNotContain("/auth/complete", page.Url, StringComparison.Ordinal);
        }

        using var client = app.CreateClient();
        // Both names, so the attack reads the same whichever the hand-off asks for.
        using var poll = await client.PostAsJsonAsync("/auth/handoff", new { nonce, verifier }, ct);
        Assert.Equal(HttpStatusCode.NoContent, poll.StatusCode);
        await Expect(widget.ComposeUser).Not.ToBeEmptyAsync();
    }
}
