using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Widget.Web.Cluster;
using Widget.Web.Tests.Presence;
using Widget.Web.Together;

namespace Widget.Web.Tests.Together;

/// <summary>Browsing sessions shared by two nodes through a real Redis.</summary>
public sealed class RedisTogetherStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncDisposable
{
    private static readonly Participant Anna = new(1, "Anna", "");

    private readonly List<RedisConnection> connections = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKnockOnOneNode_IsAdmittedOnTheOther_AndBothSeeTheGuestIn()
    {
        var (a, b) = (NewNode(), NewNode());
        var session = await StartAsync(a);

        var creator = await b.ChangeAsync(session.Id, s => s.AddKnock(new Knock(session.Id, 2, "Boris"), "boris-on-b"), Ct);
        var admitted = await a.ChangeAsync(session.Id, s => s.Admit(2, maxParticipants: 8).ConnectionId, Ct);

        Assert.Equal(["anna-on-a"], creator);
        Assert.Equal("boris-on-b", admitted);
        var view = await b.ReadAsync(session.Id, s => s.View(), Ct);
        Assert.Equal([1L, 2L], view!.Participants.Select(p => p.UserId));
        Assert.Equal(["boris-on-b"], await a.ReadAsync(session.Id, s => s.ConnectionsOf(2), Ct));
        Assert.Null(await a.ReadAsync("no-such-session", s => s.Id, Ct));
    }

    [Fact]
    public async Task ChangesFromTwoNodesAtOnce_AreAllKept()
    {
        var (a, b) = (NewNode(), NewNode());
        var session = await StartAsync(a);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).ChangeAsync(
            session.Id, s => s.Attach($"tab-{i}", Anna.UserId) ? s.Id : null, Ct)));

        Assert.Equal(41, (await b.ReadAsync(session.Id, s => s.ConnectionsOf(Anna.UserId), Ct))?.Count);
    }

    [Fact]
    public async Task ASession_LapsesWithoutAHeartbeat_AndLivesOnWithOne()
    {
        // Beats ten times a lifetime apart, beating until the other one lapsed: a busy machine's late beat must
        // still come well inside the lifetime, and the lapse is waited for rather than timed.
        var node = NewNode(lifetime: TimeSpan.FromSeconds(1));
        var (kept, left) = (await StartAsync(node), await StartAsync(node));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);

        do
        {
            await node.KeepAsync([kept.Id], Ct);
            await Task.Delay(100, Ct);
            Assert.True(DateTime.UtcNow < deadline, "The session without a heartbeat never lapsed.");
        }
        while (await node.ReadAsync(left.Id, s => s.Id, Ct) is not null);

        Assert.NotNull(await node.ReadAsync(kept.Id, s => s.Id, Ct));
    }

    [Fact]
    public async Task AnEndedSession_IsGoneOnEveryNode_AndAChangeOfItChangesNothing()
    {
        var (a, b) = (NewNode(), NewNode());
        var session = await StartAsync(a);

        await b.RemoveAsync(session.Id, Ct);

        Assert.Null(await a.ChangeAsync(session.Id, s => s.Attach("late", Anna.UserId) ? s.Id : null, Ct));
        Assert.Null(await a.ReadAsync(session.Id, s => s.Id, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task<SessionState> StartAsync(RedisTogetherStore node)
    {
        var session = SessionState.Start(Guid.NewGuid().ToString("N"), "tag", Anna, "anna-on-a");
        await node.AddAsync(session, Ct);
        return session;
    }

    /// <param name="lifetime">How long a session outlives its last write or heartbeat, split between the two timeouts it adds up from.</param>
    private RedisTogetherStore NewNode(TimeSpan? lifetime = null)
    {
        var half = (lifetime ?? TimeSpan.FromMinutes(2)) / 2;
        var options = Options.Create(new RedisOptions { Configuration = redis.Server.Configuration, ChannelPrefix = "test", NodeTimeout = half });
        var connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);
        connections.Add(connection);
        return new RedisTogetherStore(connection, options, Options.Create(new TogetherOptions { EmptySessionTimeout = half }));
    }
}
