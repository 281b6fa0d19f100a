using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class AccountExportTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_GivesTheUserAndAllTheirPostsAndReactionsOldestFirstAsAJsonFile()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = await anna.SignInAsync(Ct);
        var author = new Author(app, token.User.Id, token.User.Name);
        var first = (await author.PostAsync(TestTags.New(), "first #mine", Ct)).Post;
        var second = (await author.PostAsync(TestTags.New(), "second", Ct)).Post;
        var other = await Author.SignInAsync(app, Ct);
        var notHers = (await other.PostAsync(TestTags.New(), "not hers", Ct)).Post;
        await using (var live = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct))
        {
            await live.ReactAsync(notHers.Id, "🎉", on: true, Ct);
            await live.ReactAsync(first.Id, "👍", on: true, Ct);
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        using var response = await client.GetAsync("/api/me/export", Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("widget-posts.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(token.User.Id, json.RootElement.GetProperty("user").GetProperty("id").GetInt64());
        var posts = json.RootElement.GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal([first.Id, second.Id], posts.Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal("first #mine", posts[0].GetProperty("text").GetString());
        Assert.Equal(2, posts[0].GetProperty("tags").GetArrayLength());
        var reactions = json.RootElement.GetProperty("reactions").EnumerateArray()
            .Select(r => (r.GetProperty("postId").GetInt64(), r.GetProperty("emoji").GetString()));
        Assert.Equal([(notHers.Id, "🎉"), (first.Id, "👍")], reactions);
    }

    [Fact]
    public async Task Export_WithoutAToken_Is401()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/me/export", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
