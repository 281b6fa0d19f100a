using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Auth;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class ChannelRulesTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pin_ReachesOpenWidgetsAtOnceAndTheWidgetPageShowsItOnTop()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        var post = (await writer.PostAsync(tag, "house rules: be kind", Ct)).Post;
        await writer.PostAsync(tag, "later chatter", Ct);

        var pinned = await ModerationDesk.RunAsync(app, m => m.PinAsync(owner.User.Id, tag, post.Id, Ct));
        var pushed = await viewer.NextPinAsync(Ct);
        using var client = app.CreateClient();
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/w/{tag}", Ct));
        await ModerationDesk.RunAsync(app, m => m.PinAsync(owner.User.Id, tag, null, Ct));
        var unpinned = await viewer.NextPinAsync(Ct);

        Assert.True(pinned.Done, pinned.Message);
        Assert.Equal(post.Id, pushed.PostId);
        Assert.Contains("house rules: be kind", pushed.Html, StringComparison.Ordinal);
        Assert.Equal(post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector(".pinned .post")?.GetAttribute("data-post-id"));
        Assert.Null(unpinned.Html);
    }

    [Fact]
    public async Task Pin_IsLoggedWithThePostsAuthor_SoTheDeskCanSayWhosePost()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var author = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        var post = (await writer.PostAsync(tag, "house rules", Ct)).Post;

        await ModerationDesk.RunAsync(app, m => m.PinAsync(owner.User.Id, tag, post.Id, Ct));
        var log = await ModerationDesk.ReadAsync(app, s => s.LogOfAsync(tag, 10, Ct));

        Assert.Equal((Core.Moderation.ModerationAction.Pin, author.User.Id, author.User.Name), (log[0].Action, log[0].TargetUserId, log[0].TargetUserName));
    }

    [Fact]
    public async Task SlowMode_RefusesASecondPostWithHowLongToWaitButAnswersARetry()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var author = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await ModerationDesk.RunAsync(app, m => m.SetSlowModeAsync(owner.User.Id, tag, 60, Ct));

        var clientId = Guid.NewGuid();
        var first = await writer.PostAsync(tag, "one", Ct, clientId);
        var hubError = await Assert.ThrowsAsync<HubException>(() => writer.PostAsync(tag, "two", Ct));
        var retry = await writer.PostAsync(tag, "one", Ct, clientId);
        using var api = ApiClient(author);
        using var response = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "three"), Ct);

        Assert.Contains($"#{tag} is in slow mode: one post every 60 s. Try again in", hubError.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.InRange(Convert.ToInt32(problem!.Extensions["retryAfter"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture), 50, 60);
        Assert.Equal((first.Post.Id, false), (retry.Post.Id, retry.Created));
    }

    [Fact]
    public async Task BlockedWords_RefuseAPostContainingOneAndSayWhichWord()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var author = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await ModerationDesk.RunAsync(app, m => m.SetBlockedWordsAsync(owner.User.Id, tag, "Casino\nidiot", Ct));

        var error = await Assert.ThrowsAsync<HubException>(() => writer.PostAsync(tag, "Best CASINO online", Ct));
        var fine = await writer.PostAsync(tag, "a casinos-free zone is fine", Ct);
        using var api = ApiClient(author);
        using var response = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "you idiot"), Ct);

        Assert.Contains($"Posts in #{tag} may not contain the word \"casino\"", error.Message, StringComparison.Ordinal);
        Assert.True(fine.Created);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("\"idiot\"", (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail, StringComparison.Ordinal);
    }

    private HttpClient ApiClient(IssuedToken token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
