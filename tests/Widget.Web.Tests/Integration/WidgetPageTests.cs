using System.Net;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class WidgetPageTests(WidgetApp app)
{
    [Fact]
    public async Task Widget_ServesTheNewestPostsInTheFirstResponseAndMayBeFramedAnywhere()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        var post = (await writer.PostAsync(tag, "<script>alert(1)</script>", ct)).Post;
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/w/{tag.ToUpperInvariant()}", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-post-id=\"{post.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"data-tag=\"{tag}\"", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors *", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task Widget_IsSentCompressedToBrowsersThatAcceptIt_WhileOtherPagesAreNot()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        var post = (await writer.PostAsync(tag, "squeezed but whole", ct)).Post;
        using var client = app.CreateClient();

        using var widget = await GetAsync(client, $"/w/{tag}", ct);
        await using var decoded = new System.IO.Compression.BrotliStream(await widget.Content.ReadAsStreamAsync(ct),
            System.IO.Compression.CompressionMode.Decompress);
        var html = await new StreamReader(decoded).ReadToEndAsync(ct);
        using var home = await GetAsync(client, "/", ct);
        using var preview = await GetAsync(client, $"/w/{tag}?preview=draft", ct);

        Assert.Equal("br", widget.Content.Headers.ContentEncoding.Single());
        Assert.Contains($"data-post-id=\"{post.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("squeezed but whole", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Empty(home.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Empty(preview.Content.Headers.ContentEncoding);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br");
        return await client.SendAsync(request, ct);
    }

    [Fact]
    public async Task OlderPosts_ComeAsAFragmentPagedBySeq()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        for (var i = 1; i <= 3; i++)
        {
            await writer.PostAsync(tag, "post " + i, ct);
        }

        using var client = app.CreateClient();
        using var response = await client.GetAsync($"/w/{tag}/posts?before=3", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal("false", response.Headers.GetValues("X-Has-More").Single());
        Assert.True(html.IndexOf("post 1", StringComparison.Ordinal) < html.IndexOf("post 2", StringComparison.Ordinal));
        Assert.DoesNotContain("post 3", html, StringComparison.Ordinal);
        Assert.Contains("data-seq=\"1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_ForAnInvalidTag_Is404()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/w/no-dashes", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SignInPages_RefuseToBeFramed()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/auth/popup?provider={WidgetApp.Provider}", TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
