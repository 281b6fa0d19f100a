using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Widget.Testing;
using Widget.Web.Auth;
using Widget.Web.Posting;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// A user who posts through the HTTP API, to give a widget posts before a browser opens it. Signs in
/// the way the popup does, without a browser: provider's form, one-time code, bearer token.
/// </summary>
internal sealed partial class ApiAuthor : IDisposable
{
    private readonly HttpClient api;

    private ApiAuthor(HttpClient api, long userId)
    {
        this.api = api;
        UserId = userId;
    }

    /// <summary>The service's id for this user, as a site's owner is recorded.</summary>
    public long UserId { get; }

    public static Task<ApiAuthor> SignInAsync(WidgetApp app, string login, CancellationToken ct) =>
        SignInAsync(app.BaseAddress, app.CreateClient(), login, ct);

    /// <summary>Signs in to a service of the test's own; <paramref name="api"/> is its client, which the author keeps.</summary>
    public static async Task<ApiAuthor> SignInAsync(Uri service, HttpClient api, string login, CancellationToken ct)
    {
        var verifier = PopupSignIn.NewVerifier();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        using var page = await PopupSignIn.RunAsync(browser, service, WidgetService.Provider, verifier, login, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var code = CodeAttribute().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The popup's last page ({page.StatusCode}) carries no code: {html}");

        try
        {
            using var response = await api.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code), ct);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<IssuedToken>(ct);
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
            return new ApiAuthor(api, token.User.Id);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>Posts <paramref name="text"/> in <paramref name="tag"/> and returns the post's id.</summary>
    public async Task<long> PostAsync(string tag, string text, CancellationToken ct)
    {
        using var response = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), text), ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public async Task DeleteAsync(long postId, CancellationToken ct)
    {
        using var response = await api.DeleteAsync($"/api/posts/{postId}", ct);
        Assert.True(response.IsSuccessStatusCode, $"Deleting post {postId} answered {response.StatusCode}.");
    }

    public void Dispose() => api.Dispose();

    [GeneratedRegex("data-code=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex CodeAttribute();
}
