using Microsoft.Extensions.Options;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Realtime;

public sealed class LocalHubConnectionCounterTests
{
    [Fact]
    public async Task Close_OfEveryConnectionOfManyAddresses_ForgetsThemAll()
    {
        var ct = TestContext.Current.CancellationToken;
        var counter = new LocalHubConnectionCounter(Options.Create(new RealtimeOptions { MaxConnectionsPerAddress = 2 }));
        var addresses = Enumerable.Range(0, 1000).Select(i => $"10.0.{i / 256}.{i % 256}").ToArray();
        foreach (var address in addresses)
        {
            Assert.True(await counter.TryOpenAsync(address, ct));
            Assert.True(await counter.TryOpenAsync(address, ct));
            Assert.False(await counter.TryOpenAsync(address, ct));
        }

        foreach (var address in addresses)
        {
            await counter.CloseAsync(address, ct);
            await counter.CloseAsync(address, ct);
        }

        Assert.Equal(0, counter.Addresses);
        Assert.True(await counter.HasRoomAsync(addresses[0], ct));
    }
}
