using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Widget.Core.Posts;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class PostsApiTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithAToken_Returns201ThenTheSamePostWith200OnRetry()
    {
        var tag = TestTags.New();
        using var client = await SignedInClientAsync();
        var request = new CreatePostRequest(Guid.NewGuid(), "from the API");

        using var created = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", request, Ct);
        using var retried = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", request, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var post = await created.Content.ReadFromJsonAsync<Post>(Ct);
        Assert.Equal(post!.Id, (await retried.Content.ReadFromJsonAsync<Post>(Ct))!.Id);
        Assert.Equal($"/api/posts/{post.Id}", created.Headers.Location?.ToString());
        using var fetched = await client.GetAsync(created.Headers.Location, Ct);
        Assert.Equal("from the API", (await fetched.Content.ReadFromJsonAsync<Post>(Ct))!.Text);
    }

    [Fact]
    public async Task Create_WithoutAToken_Is401ProblemDetails()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync($"/api/tags/{TestTags.New()}/posts", new CreatePostRequest(Guid.NewGuid(), "hi"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Create_WithNoText_Is400WithAReason(string text)
    {
        using var client = await SignedInClientAsync();

        using var response = await client.PostAsJsonAsync($"/api/tags/{TestTags.New()}/posts", new CreatePostRequest(Guid.NewGuid(), text), Ct);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Write something first.", problem.Detail);
    }

    [Fact]
    public async Task Create_WithABadTagOrNoClientId_Is400()
    {
        using var client = await SignedInClientAsync();

        using var badTag = await client.PostAsJsonAsync("/api/tags/not-a-tag/posts", new CreatePostRequest(Guid.NewGuid(), "hi"), Ct);
        using var noClientId = await client.PostAsJsonAsync($"/api/tags/{TestTags.New()}/posts", new CreatePostRequest(Guid.Empty, "hi"), Ct);

        await ReadProblemAsync(badTag, HttpStatusCode.BadRequest);
        await ReadProblemAsync(noClientId, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithAHugeBody_Is413AndStoresNothing()
    {
        var tag = TestTags.New();
        using var client = await SignedInClientAsync();

        using var response = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), new string('x', 100_000)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await ListAsync(client, tag, "")).Posts);
    }

    [Fact]
    public async Task Create_FasterThanTheRateLimit_Is429WithRetryAfterHeaderAndBody()
    {
        var tag = TestTags.New();
        using var client = await SignedInClientAsync();
        for (var i = 0; i < WidgetApp.RateLimitBurst; i++)
        {
            using var ok = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "post " + i), Ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var response = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "one too many"), Ct);

        var problem = await ReadProblemAsync(response, (HttpStatusCode)429);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal((int)retryAfter.Value.TotalSeconds, ((JsonElement)problem.Extensions["retryAfter"]!).GetInt32());
        Assert.Equal(WidgetApp.RateLimitBurst, (await ListAsync(client, tag, "")).Posts.Count);
    }

    [Fact]
    public async Task List_PagesBackwardsAndForwardsBySeq()
    {
        var tag = TestTags.New();
        using var client = await SignedInClientAsync();
        for (var i = 1; i <= 4; i++)
        {
            using var _ = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "post " + i), Ct);
        }

        var newest = await ListAsync(client, tag, "?limit=2");
        var older = await ListAsync(client, tag, "?limit=2&before=3");
        var after = await ListAsync(client, tag, "?after=2");

        Assert.Equal(["post 4", "post 3"], newest.Posts.Select(p => p.Post.Text));
        Assert.True(newest.HasMore);
        Assert.Equal(["post 2", "post 1"], older.Posts.Select(p => p.Post.Text));
        Assert.False(older.HasMore);
        Assert.Equal(["post 3", "post 4"], after.Posts.Select(p => p.Post.Text));
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1000")]
    [InlineData("?before=5&after=1")]
    public async Task List_WithBadPaging_Is400ValidationProblem(string query)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/tags/{TestTags.New()}/posts{query}", Ct);

        await ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_UnknownPost_Is404()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/posts/999999999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        using var visitor = new Visitor(app, Visitor.NewLogin());
        var token = await visitor.SignInAsync(Ct);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private static async Task<PostPage> ListAsync(HttpClient client, string tag, string query) =>
        (await client.GetFromJsonAsync<PostPage>($"/api/tags/{tag}/posts{query}", Ct))!;

    private static async Task<ProblemDetails> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
    }
}
