using System.Net;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// A Host header naming someone else's site: refused by AllowedHosts as shipped, and never written back
/// into a link even where an operator allowed every host.
/// </summary>
public sealed class HostHeaderTests(WidgetApp app)
{
    private const string Foreign = "evil.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/health/live")]
    [InlineData("/metrics")]
    public async Task ForeignHost_IsRefused(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = Foreign } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Foreign, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHost_WhereEveryHostIsAllowed_IsNeverEchoed()
    {
        var tag = TestTags.New();
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["AllowedHosts"] = "*" });
        await service.InitializeAsync();
        var author = await Author.SignInAsync(service, Ct);
        var post = await author.PostAsync(tag, "somewhere", Ct);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };

        string[] paths = ["/", $"/t/{tag}", $"/p/{post.Post.Id}", $"/u/{author.Id}", "/search?q=somewhere", $"/t/{tag}/feed.atom",
            $"/u/{author.Id}/feed.atom", "/sites"];
        foreach (var path in paths)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = Foreign } }, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain(Foreign, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Foreign, response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Contains(service.BaseAddress.GetLeftPart(UriPartial.Authority), body + response.Headers.Location, StringComparison.Ordinal);
        }
    }
}
