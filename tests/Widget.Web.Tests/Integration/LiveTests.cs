using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class LiveTests(WidgetApp app)
{
    [Fact]
    public async Task Post_ThroughTheHub_ReachesAnotherViewerOfTheTagWithItsHtml()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = await anna.SignInAsync(ct);
        await using var writer = await LiveViewer.ConnectAsync(app, token.AccessToken, ct);
        await using var reader = await LiveViewer.ConnectAsync(app, token: null, ct);
        await reader.JoinAsync(tag, 0, ct);

        var accepted = await writer.PostAsync(tag, "hello <b>everyone</b> #Общий", ct);
        var pushed = await reader.NextPostAsync(ct);

        Assert.True(accepted.Created);
        Assert.Equal(accepted.Post.Id, pushed.Post.Id);
        Assert.Equal(tag, pushed.Tag);
        Assert.Equal(1, pushed.Seq);
        Assert.Equal([tag, "общий"], pushed.Post.Tags);
        Assert.Contains($"data-post-id=\"{accepted.Post.Id}\"", pushed.Html, StringComparison.Ordinal);
        Assert.Contains("hello &lt;b&gt;everyone&lt;/b&gt;", pushed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithAHashtag_ReachesViewersOfThatTagToo()
    {
        var ct = TestContext.Current.CancellationToken;
        var (site, other) = (TestTags.New(), TestTags.New());
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        await using var reader = await LiveViewer.ConnectAsync(app, token: null, ct);
        await reader.JoinAsync(other, 0, ct);

        await writer.PostAsync(site, $"look at #{other}", ct);
        var pushed = await reader.NextPostAsync(ct);

        Assert.Equal(other, pushed.Tag);
        Assert.Equal(site, pushed.Post.Channel);
    }

    [Fact]
    public async Task Post_RetriedWithTheSameClientId_ReturnsTheStoredPostAndIsPushedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        await using var reader = await LiveViewer.ConnectAsync(app, token: null, ct);
        await reader.JoinAsync(tag, 0, ct);
        var clientId = Guid.NewGuid();

        var first = await writer.PostAsync(tag, "only once", ct, clientId);
        var retry = await writer.PostAsync(tag, "only once", ct, clientId);

        Assert.True(first.Created);
        Assert.False(retry.Created);
        Assert.Equal(first.Post.Id, retry.Post.Id);
        Assert.Equal(first.Post.Id, (await reader.NextPostAsync(ct)).Post.Id);
        Assert.True(await reader.StaysQuietAsync(TimeSpan.FromMilliseconds(300), ct));
    }

    [Fact]
    public async Task Post_WhenNotSignedIn_IsRefusedWithAReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, ct);

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => viewer.PostAsync(TestTags.New(), "hello", ct));

        Assert.Contains("Sign in to post", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTooLongOrTooFast_IsRefusedWithTheReasonAndNothingIsStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);

        var tooLong = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => writer.PostAsync(tag, new string('a', 2001), ct));
        for (var i = 0; i < WidgetApp.RateLimitBurst; i++)
        {
            await writer.PostAsync(tag, "post " + i, ct);
        }

        var tooFast = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => writer.PostAsync(tag, "one more", ct));

        Assert.Contains("at most 2000 characters", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("too fast", tooFast.Message, StringComparison.Ordinal);
        var stored = await writer.JoinAsync(tag, 0, ct);
        Assert.Equal(WidgetApp.RateLimitBurst, stored.Posts.Count);
    }
}
