using System.Net;
using System.Net.Http.Json;
using Widget.Web.Auth;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// POST /auth/silent: a token for the session behind the cross-site cookie, which the widget reaches
/// once the browser grants it storage access. The cookie is Secure, and a CookieContainer never sends
/// a Secure cookie over plain http, so these tests send it themselves, as the browser would.
/// </summary>
public sealed class SilentSignInTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Silent_WithoutASession_AnswersNoContent()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, CrossSiteSession.Path) { Headers = { { "Sec-Fetch-Site", "same-origin" } } };

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "The answer must never be cached.");
    }

    [Fact]
    public async Task Silent_WithTheCrossSiteCookie_GivesATokenForThatSession()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var popup = await anna.SignInAsync(Ct);
        var cookie = anna.Cookie(CrossSiteSession.CookieName);

        using var response = await SilentAsync(cookie);
        var token = await response.Content.ReadFromJsonAsync<IssuedToken>(Ct);

        Assert.NotNull(cookie);
        Assert.True(cookie.Secure && cookie.HttpOnly, "The cross-site cookie must be Secure and HttpOnly.");
        Assert.Equal(CrossSiteSession.Path, cookie.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "A token must never be cached.");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "Other sites must not read the token.");
        Assert.Equal(popup.User, token!.User);
        Assert.Equal(HttpStatusCode.Created, await PostAsync(token.AccessToken));
    }

    [Fact]
    public async Task Silent_AfterSigningOut_AnswersNoContent()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = await anna.SignInAsync(Ct);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        using var signOut = await client.PostAsync("/auth/signout", null, Ct);

        using var response = await SilentAsync(anna.Cookie(CrossSiteSession.CookieName));

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    [InlineData("none")]
    [InlineData(null)]
    public async Task Silent_AskedByAnythingButOurOwnPages_IsRefused(string? fetchSite)
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        await anna.SignInAsync(Ct);

        using var response = await SilentAsync(anna.Cookie(CrossSiteSession.CookieName), fetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SilentAsync(Cookie? cookie, string? fetchSite = "same-origin")
    {
        Assert.NotNull(cookie);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, CrossSiteSession.Path);
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await client.SendAsync(request, Ct);
    }

    private async Task<HttpStatusCode> PostAsync(string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.PostAsJsonAsync(
            $"/api/tags/{TestTags.New()}/posts", new Posting.CreatePostRequest(Guid.NewGuid(), "via silent sign-in"), Ct);
        return response.StatusCode;
    }
}
