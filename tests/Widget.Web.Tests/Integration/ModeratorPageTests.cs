using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Moderation;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class ModeratorPageTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModeratorPage_ForTheOwner_ListsThePostsWithTheirActions()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, owner.AccessToken, Ct);
        var post = (await writer.PostAsync(tag, "welcome, everyone", Ct)).Post;
        using var trollVisitor = new Visitor(app, Visitor.NewLogin());
        var troll = await trollVisitor.SignInAsync(Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "trolling", shadow: false, Ct));
        await ModerationDesk.RunAsync(app, m => m.AppointAsync(owner.User.Id, tag, UserIds.Of(troll.User.Id), Ct));

        using var response = await ownerVisitor.Browser.GetAsync($"/mod/{tag}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-post-id=\"{post.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Delete everywhere", html, StringComparison.Ordinal);
        Assert.Contains("id=\"appoint\"", html, StringComparison.Ordinal);
        Assert.Contains("trolling", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"user-id\">id {troll.User.Id}</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"Ban\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeratorPage_ListsThePostsHiddenHereWithUnhide()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        var anna = await Author.SignInAsync(app, Ct);
        var shown = (await anna.PostAsync(tag, "still shown", Ct)).Post;
        var hidden = (await anna.PostAsync(tag, "hidden by a moderator", Ct)).Post;
        await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, hidden.Id, Ct));

        using var response = await ownerVisitor.Browser.GetAsync($"/mod/{tag}", Ct);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));

        var listed = page.QuerySelectorAll(".hidden-posts > .hidden-post");
        Assert.Equal([hidden.Id.ToString(CultureInfo.InvariantCulture)], listed.Select(li => li.GetAttribute("data-post-id")));
        Assert.Equal("hidden by a moderator", listed[0].QuerySelector(".post-text")!.TextContent);
        Assert.Equal("Unhide", listed[0].QuerySelector("button.unhide")!.TextContent);
        Assert.NotNull(page.QuerySelector($".moderated-post[data-post-id=\"{shown.Id}\"]"));
        Assert.Null(page.QuerySelector($".moderated-post[data-post-id=\"{hidden.Id}\"]"));
    }

    [Fact]
    public async Task ModeratorPage_ForSomeoneElse_ShowsNothingOfTheChannel()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        await SiteSeeder.ClaimAsync(app.Services, tag, (await ownerVisitor.SignInAsync(Ct)).User.Id, new SiteSettings(), Ct);
        using var stranger = new Visitor(app, Visitor.NewLogin());
        await stranger.SignInAsync(Ct);

        using var response = await stranger.Browser.GetAsync($"/mod/{tag}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"You do not moderate #{tag}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete everywhere", html, StringComparison.Ordinal);
    }
}
