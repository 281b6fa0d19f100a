using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Widget.Core.Presence;
using Widget.Web.Cluster;
using Widget.Web.Presence;

namespace Widget.Web.Tests.Presence;

public sealed class RedisPresenceStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncDisposable
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(2);
    private readonly List<RedisConnection> connections = [];

    [Fact]
    public async Task Add_SecondTabOfOneUser_JoinsOnceAndLeavesWithTheLastTab()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewNode();
        var tag = NewTag();
        var anna = new PresentUser(1, "Anna");

        var first = await store.AddAsync(new PresenceConnection("c1", tag, anna, "/a"), ct);
        var second = await store.AddAsync(new PresenceConnection("c2", tag, anna, "/b"), ct);
        var closeOne = await store.RemoveAsync(new PresenceConnection("c1", tag, anna, "/a"), ct);
        var closeLast = await store.RemoveAsync(new PresenceConnection("c2", tag, anna, "/b"), ct);

        Assert.Equal(anna, first.Joined);
        Assert.Null(second.Joined);
        Assert.Equal(1, second.Count);
        Assert.Null(closeOne.Left);
        Assert.Equal(1L, closeLast.Left);
        Assert.Equal(0, closeLast.Count);
    }

    [Fact]
    public async Task Get_ConnectionsOnTwoNodes_AreSeenByBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, b) = (NewNode(), NewNode());
        var tag = NewTag();
        await a.AddAsync(new PresenceConnection("a1", tag, new PresentUser(1, "Anna"), "/home"), ct);
        await b.AddAsync(new PresenceConnection("b1", tag, new PresentUser(2, "Boris"), "/home"), ct);
        await b.AddAsync(new PresenceConnection("b2", tag, null, "/other"), ct);

        var fromA = await a.GetAsync(tag, ct);
        var fromB = await b.GetAsync(tag, ct);

        Assert.Equal(3, fromA.Count);
        Assert.Equal(["Anna", "Boris"], fromA.Users.Select(u => u.Name));
        Assert.Equal(fromA, fromB with { Users = fromA.Users });
        Assert.Equal(2, await a.CountOnPageAsync(tag, "/home", ct));
    }

    [Fact]
    public async Task DeadNode_ItsViewersDropOutWithinTheNodeTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        var (alive, dead) = (NewNode(), NewNode());
        var tag = NewTag();
        await alive.AddAsync(new PresenceConnection("a1", tag, new PresentUser(1, "Anna"), null), ct);
        await dead.AddAsync(new PresenceConnection("d1", tag, new PresentUser(2, "Boris"), null), ct);
        Assert.Equal(2, (await alive.GetAsync(tag, ct)).Count);

        // "dead" never beats again; "alive" keeps beating as its heartbeat service would.
        var started = DateTime.UtcNow;
        ChannelPresence presence;
        do
        {
            await alive.BeatAsync(ct);
            await Task.Delay(200, ct);
            presence = await alive.GetAsync(tag, ct);
        }
        while (presence.Count == 2 && DateTime.UtcNow - started < NodeTimeout * 3);

        Assert.Equal(["Anna"], presence.Users.Select(u => u.Name));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, NodeTimeout + TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private RedisPresenceStore NewNode()
    {
        var options = Options.Create(new RedisOptions
        {
            Configuration = redis.Server.Configuration,
            ChannelPrefix = "test",
            NodeHeartbeat = TimeSpan.FromSeconds(1),
            NodeTimeout = NodeTimeout,
        });
        var connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);
        connections.Add(connection);
        return new RedisPresenceStore(connection, options);
    }

    private static string NewTag() => "p" + Guid.NewGuid().ToString("N")[..12];
}
