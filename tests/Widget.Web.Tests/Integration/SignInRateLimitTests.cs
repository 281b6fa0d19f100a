using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>On a service of its own, with a limit small enough to reach; the shared one allows the whole assembly's sign-ins.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task TokenRequests_PastTheLimit_Are429WithWhenToTryAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["Auth:SignInRequestsPerMinute"] = "3" });
        await service.InitializeAsync();
        using var client = service.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostAsJsonAsync("/auth/token", new { nonce = "n", code = "c" }, ct);
            statuses.Add(allowed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/auth/token", new { nonce = "n", code = "c" }, ct);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem.RootElement.GetProperty("retryAfter").GetInt32());
        Assert.Contains("Try again in", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Each start would send the browser on to the provider: past the limit it is refused here instead.</summary>
    [Fact]
    public async Task PopupStarts_PastTheLimit_Are429WithoutGoingToTheProvider()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["Auth:PopupStartsPerMinute"] = "3" });
        await service.InitializeAsync();
        using var visitor = new Visitor(service, Visitor.NewLogin());

        var allowed = new List<Uri?>();
        for (var i = 0; i < 3; i++)
        {
            using var start = await ChallengeAsync(service, visitor, ct);
            allowed.Add(start.Headers.Location);
        }

        using var refused = await ChallengeAsync(service, visitor, ct);

        Assert.All(allowed, location => Assert.NotEqual(service.BaseAddress.Authority, Assert.IsType<Uri>(location).Authority));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>A popup's start and the step that sends it to the provider.</summary>
    private static async Task<HttpResponseMessage> ChallengeAsync(WidgetApp service, Visitor visitor, CancellationToken ct)
    {
        var verifier = Visitor.NewVerifier();
        using var started = await PopupSignIn.StartAsync(visitor.Browser, service.BaseAddress, WidgetApp.Provider, verifier, ct);
        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        return await visitor.Browser.GetAsync(visitor.ChallengeUri(verifier), ct);
    }
}
