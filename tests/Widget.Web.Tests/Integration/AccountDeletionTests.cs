using System.Net;
using System.Net.Http.Headers;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class AccountDeletionTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_RemovesTheUserTheirPostsAndFeedsAndEndsTheirTokens()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = await anna.SignInAsync(Ct);
        var tag = TestTags.New();
        var author = new Author(app, token.User.Id, token.User.Name);
        var post = (await author.PostAsync(tag, "soon gone", Ct)).Post;
        var other = await Author.SignInAsync(app, Ct);
        var stays = (await other.PostAsync(tag, "stays", Ct)).Post;
        await using (var connection = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct))
        {
            await connection.ReactAsync(stays.Id, "❤️", on: true, Ct);
            await connection.PostAsync(tag, "my answer", Ct, replyTo: stays.Id);
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        using var deleted = await client.DeleteAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var path in new[] { $"/p/{post.Id}", $"/u/{token.User.Id}", $"/u/{token.User.Id}/feed.atom", "/api/me/export" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
        }

        var tagPage = await client.GetStringAsync($"/t/{tag}", Ct);
        Assert.DoesNotContain("soon gone", tagPage, StringComparison.Ordinal);
        Assert.Contains("stays", tagPage, StringComparison.Ordinal);
        Assert.DoesNotContain("my answer", tagPage, StringComparison.Ordinal);
        var permalink = await client.GetStringAsync($"/p/{stays.Id}", Ct);
        Assert.DoesNotContain("post-reactions", permalink, StringComparison.Ordinal);
        Assert.DoesNotContain("post-replies", permalink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ThenSigningInAgain_MakesANewUser()
    {
        var login = Visitor.NewLogin();
        using var first = new Visitor(app, login);
        var token = await first.SignInAsync(Ct);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        (await client.DeleteAsync("/api/me", Ct)).Dispose();

        using var again = new Visitor(app, login);
        var newToken = await again.SignInAsync(Ct);

        Assert.NotEqual(token.User.Id, newToken.User.Id);
    }
}
