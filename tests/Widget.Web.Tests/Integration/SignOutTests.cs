using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Testing;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class SignOutTests(WidgetApp app)
{
    [Fact]
    public async Task SignOut_RevokesTheTokenAndClosesItsHubConnections()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = (await anna.SignInAsync(ct)).AccessToken;
        await using var live = await LiveViewer.ConnectAsync(app, token, ct);
        var closed = new TaskCompletionSource();
        live.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var signOut = await client.PostAsync("/auth/signout", null, ct);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        using var post = await client.PostAsJsonAsync($"/api/tags/{TestTags.New()}/posts", new CreatePostRequest(Guid.NewGuid(), "after sign-out"), ct);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.True(live.WasSignedOut);
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheWidgetDomainSessionToo()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = (await anna.SignInAsync(ct)).AccessToken;
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var signOut = await client.PostAsync("/auth/signout", null, ct);

        var verifier = Visitor.NewVerifier();
        using var started = await PopupSignIn.StartAsync(anna.Browser, app.BaseAddress, WidgetApp.Provider, verifier, ct);
        using var popup = await anna.Browser.GetAsync(anna.ChallengeUri(verifier), ct);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.DoesNotContain("/auth/complete", popup.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
