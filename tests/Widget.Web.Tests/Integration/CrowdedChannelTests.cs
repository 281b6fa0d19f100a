using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// On a service that allows a tag two frames of posts a second, so a tag with two viewers has a tick of a second and
/// behaves as a channel of 20,000 does under the shipped setting.
/// </summary>
public sealed class CrowdedChannelTests : IAsyncLifetime
{
    private const int Posts = 6;

    private readonly WidgetApp app = WidgetApp.With(new Dictionary<string, string>
    {
        ["Realtime:ChannelFramesPerSecond"] = "2",
        ["Posting:RateLimitBurst"] = "100",
    });

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task PostsThatComeWithinATick_ReachEveryViewerInFewerFrames_InSeqOrder_TheFirstAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        await using var anna = await LiveViewer.ConnectAsync(app, token: null, ct);
        await using var boris = await LiveViewer.ConnectAsync(app, token: null, ct);
        await anna.JoinAsync(tag, 0, ct);
        await boris.JoinAsync(tag, 0, ct);
        await using var poster = await Users.ConnectNewAsync(app, ct);

        for (var i = 0; i < Posts; i++)
        {
            await poster.PostAsync(tag, $"post {i}", ct);
        }

        foreach (var viewer in new[] { anna, boris })
        {
            var seqs = new List<long>();
            for (var i = 0; i < Posts; i++)
            {
                seqs.Add((await viewer.NextPostAsync(ct)).Seq);
            }

            Assert.Equal(Enumerable.Range(1, Posts).Select(s => (long)s), seqs);
            var frames = viewer.PostFrames;
            Assert.Equal(Posts, frames.Sum());
            Assert.Equal(1, frames[0]);
            Assert.True(frames.Count < Posts, $"frames of {string.Join(", ", frames)}");
        }
    }

    /// <summary>Ten viewers would make a tick of five seconds here; no post waits more than one, whoever opens connections.</summary>
    [Fact]
    public async Task NoPostWaitsLongerThanASecond_HoweverManyFollowItsChannel()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        var viewers = new List<LiveViewer>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var viewer = await LiveViewer.ConnectAsync(app, token: null, ct);
                viewers.Add(viewer);
                await viewer.JoinAsync(tag, 0, ct);
            }

            await using var poster = await Users.ConnectNewAsync(app, ct);
            await poster.PostAsync(tag, "at once", ct);
            await viewers[0].NextPostAsync(ct);
            var waiting = Stopwatch.StartNew();
            await poster.PostAsync(tag, "within the tick", ct);
            await viewers[0].NextPostAsync(ct);

            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(3), $"the second post took {waiting.Elapsed}");
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    /// <summary>What one connection can add to the counts is bounded: the shipped four tags, and a fifth is refused.</summary>
    [Fact]
    public async Task AConnectionFollowingAFifthTag_IsRefused_AndCountedInNone()
    {
        var ct = TestContext.Current.CancellationToken;
        var channels = app.Services.GetRequiredService<LiveChannels>();
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, ct);
        string[] tags = [TestTags.New(), TestTags.New(), TestTags.New(), TestTags.New()];
        foreach (var tag in tags)
        {
            await viewer.WatchAsync(tag, 0, ct);
        }

        var fifth = TestTags.New();
        var refusal = await Assert.ThrowsAsync<HubException>(() => viewer.JoinAsync(fifth, 0, ct));

        Assert.Contains("4 channels", refusal.Message, StringComparison.Ordinal);
        Assert.Null(channels.Find(fifth));
        Assert.All(tags, tag => Assert.Equal(1, channels.Find(tag)?.Viewers));
    }

    [Fact]
    public async Task ATagNobodyFollowsAnyMore_IsNoLongerCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        var channels = app.Services.GetRequiredService<LiveChannels>();
        var leaving = await LiveViewer.ConnectAsync(app, token: null, ct);
        var closing = await LiveViewer.ConnectAsync(app, token: null, ct);
        await leaving.JoinAsync(tag, 0, ct);
        await closing.JoinAsync(tag, 0, ct);
        await leaving.JoinAsync(tag, 0, ct);
        Assert.Equal(2, channels.Find(tag)?.Viewers);

        await leaving.Connection.InvokeAsync(nameof(LiveHub.Leave), tag, ct);
        Assert.Equal(1, channels.Find(tag)?.Viewers);
        await closing.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (channels.Find(tag) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, ct);
        }

        Assert.Null(channels.Find(tag));
        await leaving.DisposeAsync();
    }
}
