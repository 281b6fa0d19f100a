using Widget.Core.Presence;

namespace Widget.Core.Tests;

public sealed class InMemoryPresenceStoreTests
{
    private static readonly PresentUser Anna = new(1, "Anna");
    private static readonly PresentUser Boris = new(2, "Boris");
    private readonly InMemoryPresenceStore store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PresenceConnection Tab(string id, PresentUser? user, string tag = "site", string? page = null) => new(id, tag, user, page);

    [Fact]
    public async Task Add_FirstTabOfAUser_SaysTheyJoined_LaterTabsDoNot()
    {
        var first = await store.AddAsync(Tab("c1", Anna), Ct);
        var second = await store.AddAsync(Tab("c2", Anna), Ct);
        var third = await store.AddAsync(Tab("c3", Anna), Ct);

        Assert.Equal(Anna, first.Joined);
        Assert.Null(second.Joined);
        Assert.Null(third.Joined);
        Assert.Equal(1, third.Count);
    }

    [Fact]
    public async Task Remove_LastTabOfAUser_SaysTheyLeft_EarlierTabsDoNot()
    {
        await store.AddAsync(Tab("c1", Anna), Ct);
        await store.AddAsync(Tab("c2", Anna), Ct);

        var closeOne = await store.RemoveAsync(Tab("c1", Anna), Ct);
        var closeLast = await store.RemoveAsync(Tab("c2", Anna), Ct);

        Assert.Null(closeOne.Left);
        Assert.Equal(Anna.Id, closeLast.Left);
        Assert.Equal(0, closeLast.Count);
    }

    [Fact]
    public async Task Count_IncludesAnonymousViewersButNamesOnlySignedInOnes()
    {
        await store.AddAsync(Tab("c1", Anna), Ct);
        await store.AddAsync(Tab("c2", Boris), Ct);
        await store.AddAsync(Tab("c3", null), Ct);
        var anonymous = await store.AddAsync(Tab("c4", null), Ct);

        var presence = await store.GetAsync("site", Ct);

        Assert.Null(anonymous.Joined);
        Assert.Equal(4, presence.Count);
        Assert.Equal([Anna, Boris], presence.Users);
    }

    [Fact]
    public async Task Channels_AreCountedApart()
    {
        await store.AddAsync(Tab("c1", Anna, tag: "one"), Ct);
        await store.AddAsync(Tab("c2", Boris, tag: "two"), Ct);

        Assert.Equal([Anna], (await store.GetAsync("one", Ct)).Users);
        Assert.Equal([Boris], (await store.GetAsync("two", Ct)).Users);
        Assert.Equal(0, (await store.GetAsync("three", Ct)).Count);
    }

    [Fact]
    public async Task Pages_AreCountedWithinTheirChannel()
    {
        await store.AddAsync(Tab("c1", Anna, page: "https://site.example/a"), Ct);
        await store.AddAsync(Tab("c2", null, page: "https://site.example/a"), Ct);
        var other = await store.AddAsync(Tab("c3", Boris, page: "https://site.example/b"), Ct);
        await store.RemoveAsync(Tab("c2", null, page: "https://site.example/a"), Ct);

        Assert.Equal(1, await store.CountOnPageAsync("site", "https://site.example/a", Ct));
        Assert.Equal(1, other.PageCount);
        Assert.Equal(0, await store.CountOnPageAsync("site", "https://site.example/c", Ct));
    }

    [Fact]
    public async Task Remove_OfAnUnknownOrRepeatedConnection_ChangesNothing()
    {
        await store.AddAsync(Tab("c1", Anna), Ct);
        await store.AddAsync(Tab("c1", Anna), Ct);

        var unknown = await store.RemoveAsync(Tab("zz", Anna), Ct);
        var real = await store.RemoveAsync(Tab("c1", Anna), Ct);
        var again = await store.RemoveAsync(Tab("c1", Anna), Ct);

        Assert.Null(unknown.Left);
        Assert.Equal(1, unknown.Count);
        Assert.Equal(Anna.Id, real.Left);
        Assert.Null(again.Left);
    }
}
