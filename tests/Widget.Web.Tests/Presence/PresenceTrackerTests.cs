using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Widget.Core.Presence;
using Widget.Web.Presence;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Presence;

/// <summary>The tracker lives as long as the process and sees every connection that ever opened: once a closed
/// connection's grace period is over and it is uncounted, nothing of it may stay.</summary>
public sealed class PresenceTrackerTests
{
    [Fact]
    public async Task ClosedConnections_OnceTheirGracePeriodIsOver_AreNotKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = new ServiceCollection().AddLogging().AddSignalR().Services.BuildServiceProvider();
        var store = new RecordingStore(new InMemoryPresenceStore());
        var tracker = new PresenceTracker(store, services.GetRequiredService<IHubContext<LiveHub, ILiveClient>>(), new LiveChannels(),
            Options.Create(new PresenceOptions { GracePeriod = TimeSpan.Zero }), TimeProvider.System, NullLogger<PresenceTracker>.Instance);

        await OpenAndCloseAsync(tracker, count: 50, ct);
        await tracker.FlushAsync(ct);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(0, (await store.GetAsync("news", ct)).Count);
        Assert.Equal(0, store.Added.Count(entry => entry.IsAlive));
    }

    // Not inlined, so no local of the test method keeps an entry alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task OpenAndCloseAsync(PresenceTracker tracker, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            await tracker.JoinAsync($"connection-{i}", user: null, "news", ct);
            tracker.Disconnected($"connection-{i}");
        }
    }

    /// <summary>The in-memory store, noting each entry it was given so the test can see whether it was let go.</summary>
    private sealed class RecordingStore(IPresenceStore inner) : IPresenceStore
    {
        public List<WeakReference> Added { get; } = [];

        public Task<PresenceChange> AddAsync(PresenceConnection connection, CancellationToken ct)
        {
            Added.Add(new WeakReference(connection));
            return inner.AddAsync(connection, ct);
        }

        public Task<PresenceChange> RemoveAsync(PresenceConnection connection, CancellationToken ct) => inner.RemoveAsync(connection, ct);

        public Task<ChannelPresence> GetAsync(string tag, CancellationToken ct) => inner.GetAsync(tag, ct);

        public Task<int> CountOnPageAsync(string tag, string page, CancellationToken ct) => inner.CountOnPageAsync(tag, page, ct);
    }
}
