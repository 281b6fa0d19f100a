using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Widget.Testing;
using Widget.Web.Auth;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class SignInTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ThroughTheProvidersLoginForm_GivesATokenThatPosts()
    {
        using var anna = new Visitor(app, "anna" + Guid.NewGuid().ToString("N")[..6]);

        var token = await anna.SignInAsync(Ct);
        using var response = await PostAsync(token.AccessToken, "signed in and posting");

        Assert.Equal(anna.Login, token.User.Name);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenAlreadySignedInOnTheWidgetDomain_SkipsTheProvider()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var first = await anna.SignInAsync(Ct);
        var verifier = Visitor.NewVerifier();

        using var started = await PopupSignIn.StartAsync(anna.Browser, app.BaseAddress, WidgetApp.Provider, verifier, Ct);
        using var popup = await anna.Browser.GetAsync(anna.ChallengeUri(verifier), Ct);

        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, popup.StatusCode);
        Assert.StartsWith("/auth/complete?nonce=" + PopupSignIn.NonceFor(verifier), popup.Headers.Location?.ToString(), StringComparison.Ordinal);
        var second = await anna.SignInAsync(Ct);
        Assert.Equal(first.User.Id, second.User.Id);
    }

    [Fact]
    public async Task SignIn_SameLoginTwice_IsTheSameUser()
    {
        var login = Visitor.NewLogin();
        using var atHome = new Visitor(app, login);
        using var atWork = new Visitor(app, login);

        Assert.Equal((await atHome.SignInAsync(Ct)).User.Id, (await atWork.SignInAsync(Ct)).User.Id);
    }

    [Fact]
    public async Task Code_ReplayedAfterUse_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var verifier = Visitor.NewVerifier();
        using var page = await anna.OpenPopupAsync(verifier, Ct);
        var code = await Visitor.ReadCodeAsync(page, Ct);
        using var client = app.CreateClient();

        using var first = await client.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code), Ct);
        using var replay = await client.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Fact]
    public async Task Code_WithAnotherVerifier_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        using var page = await anna.OpenPopupAsync(Visitor.NewVerifier(), Ct);
        var code = await Visitor.ReadCodeAsync(page, Ct);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/auth/token", new TokenRequest(Visitor.NewVerifier(), code), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Code_CanBeCollectedByPollingWithTheVerifier_AndNotWithTheNonce()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var verifier = Visitor.NewVerifier();
        using var client = app.CreateClient();
        using var pending = await client.PostAsJsonAsync("/auth/handoff", new HandoffRequest(verifier), Ct);
        using var page = await anna.OpenPopupAsync(verifier, Ct);

        // The nonce is in the popup's URL, so anyone may know it; it must not stand in for the verifier.
        using var byNonce = await client.PostAsJsonAsync("/auth/handoff", new HandoffRequest(PopupSignIn.NonceFor(verifier)), Ct);
        using var ready = await client.PostAsJsonAsync("/auth/handoff", new HandoffRequest(verifier), Ct);
        var code = (await ready.Content.ReadFromJsonAsync<HandoffCode>(Ct))!.Code;
        using var token = await client.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code), Ct);

        Assert.Equal(HttpStatusCode.NoContent, pending.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byNonce.StatusCode);
        Assert.Equal(await Visitor.ReadCodeAsync(page, Ct), code);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Token_WhenTampered_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = (await anna.SignInAsync(Ct)).AccessToken;
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        using var response = await PostAsync(tampered, "should not land");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_WhenExpired_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        var valid = await anna.SignInAsync(Ct);
        using var validResponse = await PostAsync(valid.AccessToken, "still valid");
        var expired = ReissueExpired(valid.AccessToken);

        using var response = await PostAsync(expired, "too late");

        Assert.Equal(HttpStatusCode.Created, validResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Callback_WithAForgedState_FailsCleanly()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/signin-oidc/{WidgetApp.Provider}?code=abc&state=forged", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign-in failed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Popup_LinkToItFollowedByASignedInVisitor_GivesWhoeverPlantedItNoCode()
    {
        using var victim = new Visitor(app, Visitor.NewLogin());
        await victim.SignInAsync(Ct);
        var attackersVerifier = Visitor.NewVerifier();
        var planted = new Uri(app.BaseAddress, $"/auth/popup?provider={WidgetApp.Provider}&nonce={PopupSignIn.NonceFor(attackersVerifier)}");

        // As a click on the link inside the widget: a same-origin navigation, every redirect followed.
        using var landed = await OidcDevLogin.SignInAsync(victim.Browser, planted, victim.Login, Ct);
        using var attacker = app.CreateClient();
        // Both names, so the attack reads the same whichever the hand-off asks for.
        using var poll = await attacker.PostAsJsonAsync("/auth/handoff",
            new { nonce = PopupSignIn.NonceFor(attackersVerifier), verifier = attackersVerifier }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, poll.StatusCode);
        Assert.DoesNotContain("data-code=", await landed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Popup_StartedByAnotherSite_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        await anna.SignInAsync(Ct);
        var verifier = Visitor.NewVerifier();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/popup")
        {
            Content = JsonContent.Create(new PopupStartRequest(WidgetApp.Provider, verifier)),
        };
        request.Headers.Remove("Sec-Fetch-Site");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var start = await anna.Browser.SendAsync(request, Ct);
        using var challenge = await anna.Browser.GetAsync(anna.ChallengeUri(verifier), Ct);
        using var client = app.CreateClient();
        using var poll = await client.PostAsJsonAsync("/auth/handoff", new HandoffRequest(verifier), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, challenge.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, poll.StatusCode);
    }

    [Fact]
    public async Task Complete_ForANonceNoPopupOfThisBrowserStarted_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        await anna.SignInAsync(Ct);
        var planted = Visitor.NewVerifier();

        using var complete = await anna.Browser.GetAsync($"/auth/complete?nonce={PopupSignIn.NonceFor(planted)}", Ct);
        using var client = app.CreateClient();
        using var poll = await client.PostAsJsonAsync("/auth/handoff", new HandoffRequest(planted), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, complete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, poll.StatusCode);
    }

    [Fact]
    public async Task Popup_WithoutANonce_IsRefused()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/auth/popup?provider={WidgetApp.Provider}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The same sign-in, as the service itself would have issued it a token lifetime ago.</summary>
    private string ReissueExpired(string token)
    {
        var protector = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>()
            .Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector;
        var ticket = protector.Unprotect(token)!;
        var properties = new AuthenticationProperties
        {
            IssuedUtc = DateTimeOffset.UtcNow.AddDays(-31),
            ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(-1),
        };
        return protector.Protect(new AuthenticationTicket(ticket.Principal, properties, ticket.AuthenticationScheme));
    }

    private async Task<HttpResponseMessage> PostAsync(string token, string text)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync($"/api/tags/{TestTags.New()}/posts", new CreatePostRequest(Guid.NewGuid(), text), Ct);
    }
}
