using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Moderation;
using Widget.Web.Posting;
using Widget.Web.Realtime;

namespace Widget.Cluster.Tests;

public sealed class CrossNodeBanTests(WidgetCluster cluster)
{
    [Fact(Timeout = 90_000)]
    public async Task Ban_OnNodeB_ReachesTheUserOnNodeAAndStopsTheirPosts()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var moderatorToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        var userToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await using var moderator = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, moderatorToken, ct);
        await using var user = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, userToken, ct);
        var banned = new TaskCompletionSource<BannedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        user.Connection.On<BannedEvent>(nameof(ILiveClient.Banned), e => banned.TrySetResult(e));
        await user.JoinAsync(ct);
        var userId = (await user.PostAsync("before the ban", Guid.NewGuid(), ct)).Post.AuthorId;
        var moderatorId = (await moderator.PostAsync("hello", Guid.NewGuid(), ct)).Post.AuthorId;
        await ClusterDatabase.AppointModeratorAsync(cluster, tag, moderatorId, ct);

        using (var onB = ClusterApi.For(cluster.B, moderatorToken))
        {
            using var ban = await onB.PostAsJsonAsync($"/api/tags/{tag}/bans", new BanRequest(userId, Minutes: 60, "spam"), ct);
            Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
        }

        var received = await banned.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal(tag, received.Tag);
        Assert.Equal("spam", received.Reason);
        var refused = await Assert.ThrowsAsync<HubException>(() => user.PostAsync("after the ban", Guid.NewGuid(), ct));
        Assert.Contains("banned", refused.Message, StringComparison.OrdinalIgnoreCase);
        using var onA = ClusterApi.For(cluster.A, userToken);
        using var viaApi = await onA.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "by the API"), ct);
        Assert.Equal(HttpStatusCode.Forbidden, viaApi.StatusCode);
    }
}
