using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class PresenceTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Grace period, a flush, and room for a loaded machine.</summary>
    private static TimeSpan LeaveBound => WidgetApp.GracePeriod + TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Join_NamesWhoIsHere_AndOthersGetTheArrivalAsADiff()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        var (anna, token) = await SignInAsync();

        await using var annaTab = await LiveViewer.ConnectAsync(app, token, Ct);
        var annaView = await annaTab.JoinAsync(tag, 0, Ct);
        var diff = await watcher.PresenceUntilAsync(d => d.Joined.Count > 0, Ct);

        Assert.Equal([anna], diff.Joined.Select(u => u.Id));
        Assert.Equal(2, diff.Count);
        Assert.Equal([anna], annaView.Presence!.Users.Select(u => u.Id));
        Assert.Equal(2, annaView.Presence.Count);
    }

    [Fact]
    public async Task Preview_WatchingTheChannel_IsNotCountedButSeesWhoIsHere()
    {
        var tag = TestTags.New();
        await using var preview = await LiveViewer.ConnectAsync(app, token: null, Ct);
        var previewView = await preview.WatchAsync(tag, 0, Ct);
        await using var visitor = await LiveViewer.ConnectAsync(app, token: null, Ct);

        var visitorView = await visitor.JoinAsync(tag, 0, Ct);
        var diff = await preview.PresenceUntilAsync(d => d.Count > 0, Ct);

        Assert.Equal(0, previewView.Presence!.Count);
        Assert.Equal(1, visitorView.Presence!.Count);
        Assert.Equal(1, diff.Count);
    }

    [Fact]
    public async Task SigningIn_LeavingTheAnonymousConnectionFirst_CountsThePersonOnce()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.WatchAsync(tag, 0, Ct);
        var anonymous = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await anonymous.JoinAsync(tag, 0, Ct);
        await watcher.PresenceUntilAsync(d => d.Count == 1, Ct);
        var (_, token) = await SignInAsync();

        await anonymous.Connection.InvokeAsync(nameof(LiveHub.Leave), tag, Ct);
        await anonymous.DisposeAsync();
        await using var signedIn = await LiveViewer.ConnectAsync(app, token, Ct);
        var view = await signedIn.JoinAsync(tag, 0, Ct);

        Assert.Equal(1, view.Presence!.Count);
    }

    [Fact]
    public async Task ThreeTabs_AreOnePerson_WhoLeavesWithTheLastTab()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        var (anna, token) = await SignInAsync();
        var tabs = new List<LiveViewer>();
        for (var i = 0; i < 3; i++)
        {
            var tab = await LiveViewer.ConnectAsync(app, token, Ct);
            await tab.JoinAsync(tag, 0, Ct);
            tabs.Add(tab);
        }

        var arrivals = await watcher.PresenceDuringAsync(TimeSpan.FromMilliseconds(600), Ct);
        await tabs[0].DisposeAsync();
        await tabs[1].DisposeAsync();
        var afterTwoClosed = await watcher.PresenceDuringAsync(LeaveBound, Ct);
        await tabs[2].DisposeAsync();
        var left = await watcher.PresenceUntilAsync(d => d.Left.Count > 0, Ct);

        Assert.Equal([anna], arrivals.SelectMany(d => d.Joined).Select(u => u.Id));
        Assert.Equal(2, arrivals[^1].Count);
        Assert.DoesNotContain(afterTwoClosed, d => d.Left.Count > 0);
        Assert.Equal([anna], left.Left);
        Assert.Equal(1, left.Count);
    }

    [Fact]
    public async Task Reload_WithinTheGracePeriod_DoesNotBlinkTheDot()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        var (anna, token) = await SignInAsync();
        var before = await LiveViewer.ConnectAsync(app, token, Ct);
        await before.JoinAsync(tag, 0, Ct);
        await watcher.PresenceUntilAsync(d => d.Joined.Any(u => u.Id == anna), Ct);

        await before.DisposeAsync();
        await using var after = await LiveViewer.ConnectAsync(app, token, Ct);
        await after.JoinAsync(tag, 0, Ct);
        var seen = await watcher.PresenceDuringAsync(LeaveBound, Ct);

        Assert.DoesNotContain(seen, d => d.Left.Contains(anna) || d.Joined.Any(u => u.Id == anna));
    }

    [Fact]
    public async Task ClosedTab_LeavesWithinTheGracePeriod()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        var (anna, token) = await SignInAsync();
        var tab = await LiveViewer.ConnectAsync(app, token, Ct);
        await tab.JoinAsync(tag, 0, Ct);
        await watcher.PresenceUntilAsync(d => d.Joined.Any(u => u.Id == anna), Ct);
        var closedAt = TimeProvider.System.GetTimestamp();

        await tab.DisposeAsync();
        var left = await watcher.PresenceUntilAsync(d => d.Left.Contains(anna), Ct);

        Assert.InRange(TimeProvider.System.GetElapsedTime(closedAt), WidgetApp.GracePeriod, LeaveBound);
        Assert.Equal(1, left.Count);
    }

    [Fact]
    public async Task CrashedClient_WithoutACloseFrame_Leaves()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        var (anna, token) = await SignInAsync();
        using var crashing = await RawHubSocket.JoinAsync(app, token, tag, Ct);
        await watcher.PresenceUntilAsync(d => d.Joined.Any(u => u.Id == anna), Ct);

        crashing.Crash();
        var left = await watcher.PresenceUntilAsync(d => d.Left.Contains(anna), Ct);

        Assert.Equal(1, left.Count);
    }

    [Fact]
    public async Task AnonymousViewers_AreCountedButNeverNamed()
    {
        var tag = TestTags.New();
        await using var first = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await first.JoinAsync(tag, 0, Ct);

        await using var second = await LiveViewer.ConnectAsync(app, token: null, Ct);
        var view = await second.JoinAsync(tag, 0, Ct);
        var diff = await first.PresenceUntilAsync(d => d.Count == 2, Ct);

        Assert.Empty(view.Presence!.Users);
        Assert.Equal(2, view.Presence.Count);
        Assert.Empty(diff.Joined);
    }

    [Fact]
    public async Task Typing_ReachesOthersOnce_PerThrottleInterval_WithHowLongToShowIt()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        var (anna, token) = await SignInAsync();
        await using var typist = await LiveViewer.ConnectAsync(app, token, Ct);
        await typist.JoinAsync(tag, 0, Ct);

        await typist.Connection.InvokeAsync(nameof(LiveHub.Typing), tag, Ct);
        var typing = await watcher.NextTypingAsync(Ct);
        await typist.Connection.InvokeAsync(nameof(LiveHub.Typing), tag, Ct);
        await Task.Delay(300, Ct);

        Assert.Equal(anna, typing.UserId);
        Assert.Equal(tag, typing.Tag);
        Assert.InRange(typing.ForMilliseconds, 1000, 30_000);
        Assert.False(watcher.HasTyping);
        Assert.False(typist.HasTyping);
    }

    [Fact]
    public async Task Typing_WhenAnonymous_IsNotPassedOn()
    {
        var tag = TestTags.New();
        await using var watcher = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await watcher.JoinAsync(tag, 0, Ct);
        await using var stranger = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await stranger.JoinAsync(tag, 0, Ct);

        await stranger.Connection.InvokeAsync(nameof(LiveHub.Typing), tag, Ct);
        await Task.Delay(300, Ct);

        Assert.False(watcher.HasTyping);
    }

    [Fact]
    public async Task SetPage_CountsViewersPerHostPage()
    {
        var tag = TestTags.New();
        await using var first = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await first.JoinAsync(tag, 0, Ct);
        await using var second = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await second.JoinAsync(tag, 0, Ct);
        await using var elsewhere = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await elsewhere.JoinAsync(tag, 0, Ct);

        var alone = await first.Connection.InvokeAsync<int>(nameof(LiveHub.SetPage), tag, "https://site.example/a?session=secret#x", Ct);
        var together = await second.Connection.InvokeAsync<int>(nameof(LiveHub.SetPage), tag, "https://site.example/a", Ct);
        var other = await elsewhere.Connection.InvokeAsync<int>(nameof(LiveHub.SetPage), tag, "https://site.example/b", Ct);
        // A flush may fall between the two calls, so earlier counts may come first.
        var pushed = await first.NextPageCountAsync(Ct);
        while (pushed.Count != 2)
        {
            pushed = await first.NextPageCountAsync(Ct);
        }

        Assert.Equal(1, alone);
        Assert.Equal(2, together);
        Assert.Equal(1, other);
        Assert.Equal(new Widget.Web.Presence.PageCount(tag, 2), pushed);
    }

    private async Task<(long UserId, string Token)> SignInAsync()
    {
        using var visitor = new Visitor(app, Visitor.NewLogin());
        var token = await visitor.SignInAsync(Ct);
        return (token.User.Id, token.AccessToken);
    }
}
