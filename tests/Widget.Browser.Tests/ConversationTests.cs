using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Two visitors in one channel, each in a browser of their own, reply, edit and react through the widget.</summary>
public sealed partial class ConversationTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private const string ThumbsUp = "👍";

    // Set on the window object, so a reload of the widget's document would lose it.
    private const string MarkOpened = "root => root.ownerDocument.defaultView.openedOnce = true";
    private const string StillOpened = "root => root.ownerDocument.defaultView.openedOnce === true";

    [Fact]
    public async Task Conversation_ReplyEditAndReaction_ReachTheOtherWindowLiveAndOwnReactionSurvivesReload()
    {
        var (annaLogin, bobLogin) = (TestTags.NewLogin(), TestTags.NewLogin());
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync(annaLogin);
        await bobs.SignInThroughPopupAsync(bobLogin);
        await annas.EvaluateAsync<bool>(MarkOpened);
        await bobs.EvaluateAsync<bool>(MarkOpened);

        await annas.SendAsync("when does the match start?");
        await bobs.ActOnPostAsync("when does the match start?", "Reply");
        await Expect(bobs.ComposeContext.Locator(".compose-context-text")).ToHaveTextAsync($"Replying to {annaLogin}");
        // The line goes above the form's own rows: the writer's name keeps its place beside sign-out.
        var (line, name, box) = (await bobs.ComposeContext.BoundingBoxAsync(), await bobs.ComposeUser.BoundingBoxAsync(),
            await bobs.MessageBox.BoundingBoxAsync());
        Assert.True(line!.Y + line.Height <= name!.Y && name.Y + name.Height <= box!.Y, "Replying line, name, message box: top to bottom.");
        await bobs.Iframe.ScreenshotAsync(new() { Path = Screenshots.PathFor("widget-replying.png") });
        await bobs.SendAsync("at eight");

        await Expect(bobs.ComposeContext).ToBeHiddenAsync();
        foreach (var widget in new[] { annas, bobs })
        {
            var reply = widget.Post("when does the match start?").Locator(":scope > .post-replies > .post");
            await Expect(reply.Locator(".post-text")).ToHaveTextAsync("at eight");
            await Expect(reply.Locator(".post-author")).ToHaveTextAsync(bobLogin);
        }

        await annas.ActOnPostAsync("when does the match start?", "Edit");
        await Expect(annas.ComposeContext.Locator(".compose-context-text")).ToHaveTextAsync("Editing your post");
        await Expect(annas.MessageBox).ToHaveValueAsync("when does the match start?");
        await annas.SendAsync("when does the final start?");

        var edited = bobs.Post("when does the final start?");
        await Expect(edited.Locator(":scope > .post-text")).ToHaveTextAsync("when does the final start?");
        await Expect(bobs.Post("when does the match start?")).ToHaveCountAsync(0);
        // The mark's word is the stylesheet's, so it is read as the reader sees it.
        await Expect(edited.Locator(".post-edited")).ToBeVisibleAsync();
        Assert.Equal("\"edited\"", await edited.Locator(".post-edited").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        await Expect(edited.Locator(":scope > .post-replies > .post .post-text")).ToHaveTextAsync("at eight");

        // Anna's own reaction first, so Bob's shows as a change of count and his mark cannot be hers.
        await annas.ActOnPostAsync("when does the final start?", ThumbsUp);
        var bobsChip = Chip(bobs, "when does the final start?");
        await Expect(bobsChip.Locator(".reaction-count")).ToHaveTextAsync("1");
        await Expect(bobsChip).Not.ToHaveClassAsync(Mine());
        await bobs.ActOnPostAsync("when does the final start?", ThumbsUp);

        var annasChip = Chip(annas, "when does the final start?");
        await Expect(annasChip.Locator(".reaction-count")).ToHaveTextAsync("2");
        await Expect(annasChip).ToHaveClassAsync(Mine());
        await Expect(bobsChip.Locator(".reaction-count")).ToHaveTextAsync("2");
        await Expect(bobsChip).ToHaveClassAsync(Mine());
        Assert.True(await annas.EvaluateAsync<bool>(StillOpened), "Anna's widget reloaded.");
        Assert.True(await bobs.EvaluateAsync<bool>(StillOpened), "Bob's widget reloaded.");

        await bobs.HostPage.ReloadAsync();
        await Expect(bobs.Compose).ToBeVisibleAsync();
        await Expect(bobsChip.Locator(".reaction-count")).ToHaveTextAsync("2");
        await Expect(bobsChip).ToHaveClassAsync(Mine());
    }

    /// <summary>The post's own count for a thumbs-up, not one of its replies'.</summary>
    private static ILocator Chip(EmbeddedWidget widget, string text) =>
        widget.Post(text).Locator($":scope > .post-reactions > .reaction[data-emoji=\"{ThumbsUp}\"]");

    [GeneratedRegex(@"(^|\s)mine(\s|$)")]
    private static partial Regex Mine();
}
