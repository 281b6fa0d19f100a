using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class EditTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edit_WithinTheWindow_IsPushedLiveAndShownEditedOnThePageInTheFeedAndInSearch()
    {
        var tag = TestTags.New();
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        await using var anna = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        var post = (await anna.PostAsync(tag, "helo world", Ct)).Post;

        var edited = await anna.EditAsync(post.Id, $"hello <i>world</i> {word}", Ct);
        var pushed = await viewer.NextEditAsync(Ct);

        Assert.NotNull(edited.EditedAt);
        Assert.Equal((tag, post.Id), (pushed.Tag, pushed.PostId));
        Assert.Contains("hello &lt;i&gt;world&lt;/i&gt;", pushed.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"post-edited\"", pushed.Html, StringComparison.Ordinal);
        using var client = app.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/p/{post.Id}", Ct));
        Assert.StartsWith("hello <i>world</i>", page.QuerySelector(".post-text")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("time.post-edited"));
        var atom = await client.GetStringAsync($"/t/{tag}/feed.atom", Ct);
        var entry = Assert.Single(SyndicationFeed.Load(XmlReader.Create(new StringReader(atom))).Items);
        Assert.Contains($"<updated>{XmlConvert.ToString(edited.EditedAt.Value.ToUniversalTime())}</updated><published>", atom, StringComparison.Ordinal);
        Assert.Contains(word, ((TextSyndicationContent)entry.Content).Text, StringComparison.Ordinal);
        Assert.Contains($"data-post-id=\"{post.Id}\"", await client.GetStringAsync($"/search?q={word}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_AfterTheWindow_IsRefused()
    {
        var tag = TestTags.New();
        var token = await Users.NewAsync(app, Ct);
        var old = (await new Author(app, token.User.Id, token.User.Name).PostAsync(tag, "long ago", Ct, DateTimeOffset.UtcNow.AddMinutes(-6))).Post;
        await using var anna = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => anna.EditAsync(old.Id, "rewritten", Ct));

        Assert.Contains("only within 5 minutes of posting", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OfSomeoneElsesPost_IsRefusedOverTheHubAndTheApi()
    {
        var tag = TestTags.New();
        await using var anna = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        var bob = await Users.NewAsync(app, Ct);
        await using var bobConnection = await LiveViewer.ConnectAsync(app, bob.AccessToken, Ct);
        var post = (await anna.PostAsync(tag, "mine", Ct)).Post;

        var refused = await Assert.ThrowsAsync<HubException>(() => bobConnection.EditAsync(post.Id, "mine now", Ct));
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bob.AccessToken);
        using var response = await api.PatchAsJsonAsync($"/api/posts/{post.Id}", new EditTextRequest("mine now"), Ct);

        Assert.Contains("Only its author can edit a post", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only its author", (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail, StringComparison.Ordinal);
        Assert.Equal("mine", (await anna.JoinAsync(tag, 0, Ct)).Posts.Single().Post.Text);
    }

    [Fact]
    public async Task Edit_ThatChangesHashtagsOrOfADeletedPost_IsRefusedWithTheReason()
    {
        var tag = TestTags.New();
        await using var anna = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        var post = (await anna.PostAsync(tag, "about #cats", Ct)).Post;
        var gone = (await anna.PostAsync(tag, "oops", Ct)).Post;
        await anna.DeletePostAsync(gone.Id, Ct);

        var retagged = await Assert.ThrowsAsync<HubException>(() => anna.EditAsync(post.Id, "about #dogs", Ct));
        var deleted = await Assert.ThrowsAsync<HubException>(() => anna.EditAsync(gone.Id, "fixed", Ct));
        var reordered = await anna.EditAsync(post.Id, "#cats are about", Ct);

        Assert.Contains($"cannot add or remove hashtags; this post stays in #{tag}, #cats", retagged.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist or was deleted", deleted.Message, StringComparison.Ordinal);
        Assert.Equal("#cats are about", reordered.Text);
    }
}
