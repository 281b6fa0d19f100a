using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Widget.Web.Search;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class SearchTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <remarks>The Snowball stemmer knows endings, not fleeting vowels: "кошек" stems to itself and is not found.</remarks>
    [Fact]
    public async Task Search_InRussian_FindsOtherFormsOfTheWord()
    {
        var marker = Marker();
        var anna = await Author.SignInAsync(app, Ct);
        var cat = (await anna.PostAsync(TestTags.New(), $"{marker} моя кошка спит", Ct)).Post;
        var cats = (await anna.PostAsync(TestTags.New(), $"{marker} играю с кошкой во дворе", Ct)).Post;
        await anna.PostAsync(TestTags.New(), $"{marker} собака лает", Ct);

        var found = await SearchAsync($"{marker} кошки");

        Assert.Equal([cats.Id, cat.Id], found.Posts.Select(p => p.Id));
    }

    [Fact]
    public async Task Search_InEnglish_FindsOtherFormsOfTheWord()
    {
        var marker = Marker();
        var anna = await Author.SignInAsync(app, Ct);
        var runs = (await anna.PostAsync(TestTags.New(), $"{marker} she runs every morning", Ct)).Post;
        await anna.PostAsync(TestTags.New(), $"{marker} he walks", Ct);

        var found = await SearchAsync($"{marker} running");

        Assert.Equal([runs.Id], found.Posts.Select(p => p.Id));
    }

    [Theory]
    [InlineData("'; DROP TABLE posts; --")]
    [InlineData("a & | ! ( ) :* <-> \\")]
    [InlineData("\"unclosed")]
    [InlineData("-")]
    public async Task Search_WhenQueryIsHostileSyntax_AnswersWithoutError(string query)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_PagesByIdWithNextBefore()
    {
        var marker = Marker();
        var anna = await Author.SignInAsync(app, Ct);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await anna.PostAsync(TestTags.New(), $"{marker} number {i}", Ct)).Post.Id);
        }

        var first = await SearchAsync(marker, "&limit=2");
        var second = await SearchAsync(marker, $"&limit=2&before={first.NextBefore}");

        Assert.Equal([ids[2], ids[1]], first.Posts.Select(p => p.Id));
        Assert.Equal([ids[0]], second.Posts.Select(p => p.Id));
        Assert.Null(second.NextBefore);
    }

    [Theory]
    [InlineData("")]
    [InlineData("limit=0&q=x")]
    public async Task Search_WithoutWordsOrWithBadLimit_Is400(string query)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/search?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SearchPage_ShowsMatchesAsPosts()
    {
        var marker = Marker();
        var anna = await Author.SignInAsync(app, Ct);
        var post = (await anna.PostAsync(TestTags.New(), $"{marker} кошка", Ct)).Post;
        using var client = app.CreateClient();

        var html = await client.GetStringAsync($"/search?q={marker}+кошку", Ct);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal([post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            page.QuerySelectorAll("article.post").Select(a => a.GetAttribute("data-post-id")!));
        Assert.Equal($"{marker} кошку", page.QuerySelector(".search-form input[name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Tags_ByPrefix_ListsMatchingChannelsOnly()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        var anna = await Author.SignInAsync(app, Ct);
        await anna.PostAsync(prefix + "_one", "a", Ct);
        await anna.PostAsync(prefix + "_two", "b", Ct);
        await anna.PostAsync(prefix + "_two", "c", Ct);
        await anna.PostAsync("x" + prefix, "d", Ct);
        using var client = app.CreateClient();

        var found = await client.GetFromJsonAsync<TagSuggestions>($"/api/tags?prefix=%23{prefix.ToUpperInvariant()}_", Ct);
        using var bad = await client.GetAsync("/api/tags?prefix=a%25", Ct);

        Assert.Equal([prefix + "_two", prefix + "_one"], found!.Tags);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>A word no other test writes, so results are this test's own.</summary>
    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];

    private async Task<SearchResults> SearchAsync(string query, string extra = "")
    {
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<SearchResults>("/api/search?q=" + Uri.EscapeDataString(query) + extra, Ct))!;
    }
}
