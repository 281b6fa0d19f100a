using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Widget.Web.Calls;
using Widget.Web.Cluster;
using Widget.Web.Tests.Presence;

namespace Widget.Web.Tests.Calls;

/// <summary>Requests to join and admissions shared by two nodes through a real Redis.</summary>
public sealed class RedisCallAdmissionsTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncDisposable
{
    private static readonly AskLimits Limits = new(MaxWaiting: 2, PerWindow: 3, Window: TimeSpan.FromMinutes(1), Lifetime: TimeSpan.FromMinutes(1));
    private readonly List<RedisConnection> connections = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestMadeOnOneNode_IsSeenAndTakenOnceOnTheOther_AndOnlyByItsOwnId()
    {
        var (a, b) = (NewNode(), NewNode());
        var tag = NewTag();
        var anna = new JoinRequest("r1", tag, 1, "Anna");

        Assert.Equal(AskOutcome.Added, await a.AskAsync(anna, Limits, Ct));
        Assert.Equal(AskOutcome.AlreadyWaiting, await b.AskAsync(anna with { Id = "r2" }, Limits, Ct));

        Assert.Equal([anna], await b.WaitingAsync(tag, Ct));
        Assert.Null(await b.TakeAsync(tag, 1, "r2", Ct));
        Assert.Null(await b.TakeAsync(NewTag(), 1, null, Ct));
        Assert.Equal(anna, await b.TakeAsync(tag, 1, "r1", Ct));
        Assert.Null(await a.TakeAsync(tag, 1, null, Ct));
        Assert.Empty(await a.WaitingAsync(tag, Ct));
    }

    [Fact]
    public async Task Asking_HoldsTheChannelsCapAndTheUsersWindow_OverBothNodes()
    {
        var (a, b) = (NewNode(), NewNode());
        var (tag, other) = (NewTag(), NewTag());

        Assert.Equal(AskOutcome.Added, await a.AskAsync(new JoinRequest("1", tag, 1, "Anna"), Limits, Ct));
        Assert.Equal(AskOutcome.Added, await b.AskAsync(new JoinRequest("2", tag, 2, "Boris"), Limits, Ct));
        Assert.Equal(AskOutcome.Full, await a.AskAsync(new JoinRequest("3", tag, 3, "Vera"), Limits, Ct));
        Assert.Equal(AskOutcome.Added, await b.AskAsync(new JoinRequest("4", other, 3, "Vera"), Limits, Ct));
        await a.TakeAsync(other, 3, null, Ct);
        Assert.Equal(AskOutcome.Added, await a.AskAsync(new JoinRequest("5", other, 3, "Vera"), Limits, Ct));
        await b.TakeAsync(other, 3, null, Ct);

        Assert.Equal(AskOutcome.TooMany, await a.AskAsync(new JoinRequest("6", other, 3, "Vera"), Limits, Ct));
        Assert.Empty(await b.WaitingAsync(other, Ct));
    }

    [Fact]
    public async Task ARequestLapses_AfterItsLifetime()
    {
        var node = NewNode();
        var tag = NewTag();
        await node.AskAsync(new JoinRequest("1", tag, 1, "Anna"), Limits with { Lifetime = TimeSpan.FromMilliseconds(300) }, Ct);

        await Task.Delay(600, Ct);

        Assert.Empty(await node.WaitingAsync(tag, Ct));
        Assert.Null(await node.TakeAsync(tag, 1, null, Ct));
    }

    [Fact]
    public async Task AnAdmission_IsForThatUserInThatChannel_OnEveryNode_UntilRevokedOrLapsed()
    {
        var (a, b) = (NewNode(), NewNode());
        var (tag, other) = (NewTag(), NewTag());

        await a.AdmitAsync(tag, 1, TimeSpan.FromMinutes(1), Ct);
        await a.AdmitAsync(tag, 2, TimeSpan.FromMinutes(1), Ct);

        Assert.True(await b.IsAdmittedAsync(tag, 1, Ct));
        Assert.False(await b.IsAdmittedAsync(tag, 3, Ct));
        Assert.False(await b.IsAdmittedAsync(other, 1, Ct));
        await b.RevokeAsync(tag, 1, Ct);
        Assert.False(await a.IsAdmittedAsync(tag, 1, Ct));
        Assert.True(await a.IsAdmittedAsync(tag, 2, Ct));
        await b.RevokeAsync(tag, null, Ct);
        Assert.False(await a.IsAdmittedAsync(tag, 2, Ct));
        await a.AdmitAsync(other, 1, TimeSpan.FromMilliseconds(300), Ct);
        await Task.Delay(600, Ct);
        Assert.False(await b.IsAdmittedAsync(other, 1, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private RedisCallAdmissions NewNode()
    {
        var options = Options.Create(new RedisOptions { Configuration = redis.Server.Configuration, ChannelPrefix = "test" });
        var connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);
        connections.Add(connection);
        return new RedisCallAdmissions(
            connection, new LocalCallAdmissions(TimeProvider.System), options, TimeProvider.System, NullLogger<RedisCallAdmissions>.Instance);
    }

    private static string NewTag() => "c" + Guid.NewGuid().ToString("N")[..12];
}
