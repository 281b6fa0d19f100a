using System.Net;
using AngleSharp.Html.Parser;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class NotFoundPageTests(WidgetApp app)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/p/999999999")]
    [InlineData("/u/999999999")]
    [InlineData("/no/such/path")]
    public async Task Browser_AskingForSomethingMissing_GetsAPageInTheSiteStyle(string path)
    {
        using var response = await GetAsync(path, BrowserAccept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
        Assert.Equal("Not found", page.QuerySelector(".not-found h1")?.TextContent);
        Assert.NotNull(page.QuerySelector(".not-found a[href=\"/\"]"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href=\"/css/site.css\"]"));
    }

    [Fact]
    public async Task Api_AskedByABrowser_StillAnswersProblemDetails()
    {
        using var response = await GetAsync("/api/posts/999999999", BrowserAccept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Client_NotAskingForHtml_GetsProblemDetails()
    {
        using var response = await GetAsync("/p/999999999", "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request, Ct);
    }
}
