using Widget.Web.Realtime;

namespace Widget.Web.Tests.Realtime;

/// <summary>The count a departed crowd is measured by: what is open now, and the most that were open at once.</summary>
public sealed class OpenConnectionsTests
{
    [Fact]
    public void ThePeak_IsTheMostOpenAtOnceSinceTheLastLook_ThenStartsFromThoseOpenNow()
    {
        var open = new OpenConnections();
        Repeat(open.Opened, 5);
        Repeat(open.Closed, 4);

        Assert.Equal(1, open.Now);
        Assert.Equal(5, open.TakePeak());
        Assert.Equal(1, open.TakePeak());
    }

    [Fact]
    public async Task ConnectionsOpenedOnManyThreads_AreEachCounted()
    {
        var open = new OpenConnections();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Repeat(open.Opened, 10_000), TestContext.Current.CancellationToken)));

        Assert.Equal(80_000, open.Now);
        Assert.Equal(80_000, open.TakePeak());
    }

    private static void Repeat(Action action, int times)
    {
        for (var i = 0; i < times; i++)
        {
            action();
        }
    }
}
