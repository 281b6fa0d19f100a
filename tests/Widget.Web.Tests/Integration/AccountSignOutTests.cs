using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// <c>POST /account/signout</c> ends the first-party session and revokes it everywhere, so only the sign-out
/// button on our own pages may: a form on another site, or on a sibling of ours, must change nothing.
/// </summary>
public sealed class AccountSignOutTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The Fetch Metadata and Origin a browser sends with each kind of forged form, or none at all.</summary>
    public static TheoryData<string?, string?> ForgedForms => new()
    {
        { "cross-site", "https://evil.example" },
        { "same-site", "https://blog.localhost" },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(ForgedForms))]
    public async Task SignOut_PostedByAFormOfAnotherPage_LeavesTheSessionSignedIn(string? fetchSite, string? origin)
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = await anna.SignInAsync(Ct);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/account/signout")
        {
            // With the session's cookie, as a sibling site's form would carry it: the worst case.
            Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", "forged")]),
        };
        forged.Headers.Remove("Sec-Fetch-Site");
        if (fetchSite is not null)
        {
            forged.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            forged.Headers.Add("Origin", origin);
        }

        using var response = await anna.Browser.SendAsync(forged, Ct);
        using var sites = await anna.Browser.GetAsync("/sites", Ct);
        using var post = await PostAsync(token.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sites.StatusCode);
        Assert.NotNull(anna.Cookie("widget.session"));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
    }

    [Fact]
    public async Task SignOut_FromTheButtonOnOurPage_EndsTheSession()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = await anna.SignInAsync(Ct);
        using var page = await anna.Browser.GetAsync("/sites", Ct);
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(Ct))
            .QuerySelector("form[action=\"/account/signout\"]");
        Assert.NotNull(form);
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name") ?? "", input.GetAttribute("value") ?? ""));
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/account/signout") { Content = new FormUrlEncodedContent(fields) };
        submit.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await anna.Browser.SendAsync(submit, Ct);
        using var sites = await anna.Browser.GetAsync("/sites", Ct);
        using var post = await PostAsync(token.AccessToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, sites.StatusCode);
        Assert.StartsWith("/account/signin", sites.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync($"/api/tags/{TestTags.New()}/posts", new CreatePostRequest(Guid.NewGuid(), "still here"), Ct);
    }
}
