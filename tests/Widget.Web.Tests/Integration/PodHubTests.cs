using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Together;

namespace Widget.Web.Tests.Integration;

/// <summary>Pods on the real service: who may watch a page and who may show themselves there, and what reaches whom.</summary>
public sealed class PodHubTests(WidgetApp app)
{
    private static readonly CursorPosition OnTheButton = new("#order/2", 0.25, 0.5);

    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchPage_OnASiteThatDidNotTurnItOn_IsRefused()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { BrowseTogether = true }, Ct);
        await using var anna = await PodClient.ConnectAsync(app, await Users.NewAsync(app, Ct), Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => anna.WatchAsync(tag, "/shop", Ct));

        Assert.Contains("not turned on", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShownVisitor_ReachesAnAnonymousWatcherOnTheSamePage_WithNameAndColour_ButNotAnotherPage()
    {
        var tag = await SiteAsync();
        var user = await Users.NewAsync(app, Ct);
        await using var anna = await PodClient.ConnectAsync(app, user, Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await using var elsewhere = await PodClient.ConnectAsync(app, null, Ct);
        await anna.WatchAsync(tag, "/shop?sort=price#top", Ct);
        await guest.WatchAsync(tag, "/shop", Ct);
        await elsewhere.WatchAsync(tag, "/about", Ct);

        await anna.ShowMeAsync(true, Ct);
        await anna.MoveAsync(OnTheButton with { Click = true }, Ct);
        var batch = await NextAsync(guest.Batches);

        Assert.Equal("/shop", batch.Path);
        var pod = Assert.Single(batch.Pods);
        Assert.Equal((user.User.Id, user.User.Name, OnTheButton), (pod.UserId, pod.Name, pod.Position));
        Assert.Matches("^#[0-9a-f]{6}$", pod.Color);
        await AssertNothingAsync(elsewhere.Batches);
    }

    [Fact]
    public async Task AnonymousWatcher_MayNotShowThemselves_NorSendAPosition()
    {
        var tag = await SiteAsync();
        await using var watcher = await PodClient.ConnectAsync(app, await Users.NewAsync(app, Ct), Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await watcher.WatchAsync(tag, "/", Ct);
        await guest.WatchAsync(tag, "/", Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => guest.ShowMeAsync(true, Ct));
        await Assert.ThrowsAsync<HubException>(() => guest.MoveAsync(OnTheButton, Ct));

        Assert.Contains("Sign in", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(watcher.Batches);
    }

    [Fact]
    public async Task SignedInVisitorWhoDidNotOptIn_OrTurnedItOff_MayNotSend_AndTheOthersSeeThePodGo()
    {
        var tag = await SiteAsync();
        await using var anna = await PodClient.ConnectAsync(app, await Users.NewAsync(app, Ct), Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await anna.WatchAsync(tag, "/", Ct);
        await guest.WatchAsync(tag, "/", Ct);

        var notYet = await Assert.ThrowsAsync<HubException>(() => anna.MoveAsync(OnTheButton, Ct));
        await anna.ShowMeAsync(true, Ct);
        await anna.MoveAsync(OnTheButton, Ct);
        await NextAsync(guest.Batches);
        await anna.ShowMeAsync(false, Ct);

        Assert.Contains("Show me on this page", notYet.Message, StringComparison.Ordinal);
        Assert.Equal(anna.User!.User.Id, await NextAsync(guest.Gone));
        await Assert.ThrowsAsync<HubException>(() => anna.MoveAsync(OnTheButton, Ct));
        await AssertNothingAsync(guest.Batches);
    }

    [Fact]
    public async Task BannedVisitor_MayWatchButNotShowThemselves()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { ShowVisitors = true }, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "spam", shadow: false, Ct));
        await using var trollConnection = await PodClient.ConnectAsync(app, troll, Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await trollConnection.WatchAsync(tag, "/", Ct);
        await guest.WatchAsync(tag, "/", Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => trollConnection.ShowMeAsync(true, Ct));
        await Assert.ThrowsAsync<HubException>(() => trollConnection.MoveAsync(OnTheButton, Ct));

        Assert.Contains("banned", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(guest.Batches);
    }

    [Fact]
    public async Task ABanWhileShown_TakesThePodAway_AndItsMovesAreRefused()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { ShowVisitors = true }, Ct);
        await using var troll = await PodClient.ConnectAsync(app, await Users.NewAsync(app, Ct), Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await troll.WatchAsync(tag, "/", Ct);
        await guest.WatchAsync(tag, "/", Ct);
        await troll.ShowMeAsync(true, Ct);

        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User!.User.Id, null, "spam", shadow: false, Ct));

        Assert.Equal(troll.User!.User.Id, await NextAsync(guest.Gone));
        await Assert.ThrowsAsync<HubException>(() => troll.MoveAsync(OnTheButton, Ct));
        await AssertNothingAsync(guest.Batches);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task WatchPage_ElsewhereThanAPathOfTheSite_IsRefused(string place)
    {
        var tag = await SiteAsync();
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);

        await Assert.ThrowsAsync<HubException>(() => guest.WatchAsync(tag, place, Ct));
    }

    [Fact]
    public async Task MalformedOrOversizedPositions_AreRefusedAndReachNobody()
    {
        var tag = await SiteAsync();
        await using var anna = await PodClient.ConnectAsync(app, await Users.NewAsync(app, Ct), Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await anna.WatchAsync(tag, "/", Ct);
        await guest.WatchAsync(tag, "/", Ct);
        await anna.ShowMeAsync(true, Ct);

        await Assert.ThrowsAsync<HubException>(() => anna.MoveAsync(new CursorPosition("<img>", 0.5, 0.5), Ct));
        await Assert.ThrowsAsync<HubException>(() => anna.MoveAsync(new CursorPosition("#order", 2, 0.5), Ct));
        await AssertNothingAsync(guest.Batches);
        await Assert.ThrowsAnyAsync<Exception>(() => anna.MoveAsync(new CursorPosition("#" + new string('a', 8 * 1024), 0.5, 0.5), Ct));
        await AssertNothingAsync(guest.Batches);
    }

    [Fact]
    public async Task ClosingTheWidget_TakesThePodAway()
    {
        var tag = await SiteAsync();
        var anna = await PodClient.ConnectAsync(app, await Users.NewAsync(app, Ct), Ct);
        await using var guest = await PodClient.ConnectAsync(app, null, Ct);
        await anna.WatchAsync(tag, "/", Ct);
        await guest.WatchAsync(tag, "/", Ct);
        await anna.ShowMeAsync(true, Ct);

        await anna.DisposeAsync();

        Assert.Equal(anna.User!.User.Id, await NextAsync(guest.Gone));
    }

    private async Task<string> SiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { ShowVisitors = true }, Ct);
        return tag;
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }

    private static async Task AssertNothingAsync<T>(ChannelReader<T> reader)
    {
        await Task.Delay(Quiet, Ct);
        Assert.False(reader.TryRead(out var item), $"Expected nothing, got {item}.");
    }
}
