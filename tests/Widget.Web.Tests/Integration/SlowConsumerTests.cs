using System.Diagnostics;
using System.Globalization;
using System.Text;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>Alone, because it times acknowledgements and weighs the heap, which other tests would disturb.</summary>
[CollectionDefinition(nameof(SlowConsumerTests), DisableParallelization = true)]
public sealed class SlowConsumerCollection;

[Collection(nameof(SlowConsumerTests))]
public sealed class SlowConsumerTests : IAsyncLifetime
{
    private static readonly TimeSpan SlowConsumerTimeout = TimeSpan.FromSeconds(3);

    // The longest post the database stores, of ampersands, which the HTML escapes: about 23 KB a push, so the
    // flood (16 MB) is several times what the kernel buffers of one loopback connection hold (up to 4 MB).
    private const int Flood = 700;
    private const int TextLength = 4000;

    // Read by everyone before the stall, so pools and caches have grown before the heap is first weighed.
    private const int WarmUp = 20;

    // Without the cut, the stalled connection's queued sends keep the posts behind its full buffers alive: the heap
    // grew by about 47 MB. With it, by about 16 MB, which grows with the number of posts, not with the stall.
    private const long AllowedHeapGrowth = 24 * 1024 * 1024;

    private readonly WidgetApp app = WidgetApp.With(new Dictionary<string, string>
    {
        ["Posting:RateLimitBurst"] = "1000",
        ["Posting:MaxLength"] = TextLength.ToString(CultureInfo.InvariantCulture),
        ["Realtime:CatchUpLimit"] = "1000",
        ["Realtime:SlowConsumerTimeout"] = SlowConsumerTimeout.ToString(),
    });

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Viewer_ThatStopsReading_IsCutOffWithoutHoldingUpOthers_AndCatchesUpOnReconnect()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var poster = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, ct);
        await viewer.JoinAsync(tag, 0, ct);
        using var stalled = await StallingViewer.ConnectAsync(app, receiveBufferBytes: 4096, ct);
        await stalled.JoinAsync(tag, 0, ct);
        await PostAsync(tag, poster, WarmUp, ct);
        await ReceiveAsync(viewer, WarmUp, ct);
        await stalled.ReadUntilSeqAsync(WarmUp, ct);
        var heapBefore = HeapAfterFullCollection();

        var closed = stalled.StallAsync(SlowConsumerTimeout + TimeSpan.FromSeconds(60), ct);
        var (postIds, slowestAck) = await PostAsync(tag, poster, Flood, ct);
        var pushedIds = await ReceiveAsync(viewer, Flood, ct);

        var closedAfter = await closed;
        var heapGrowth = await HeapGrowthSettledAsync(heapBefore, ct);
        using var back = await StallingViewer.ConnectAsync(app, receiveBufferBytes: null, ct);
        var catchUp = await back.JoinAsync(tag, stalled.LastSeq, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"slowest acknowledgement {slowestAck}; stalled connection closed after {closedAfter}; heap grew by {heapGrowth / 1024} KB");

        Assert.Equal(postIds, pushedIds);
        Assert.True(slowestAck < SlowConsumerTimeout, $"A post was acknowledged only after {slowestAck}: it waited on the stalled viewer.");
        Assert.True(closedAfter is not null, "The server kept the stalled connection open.");
        Assert.True(heapGrowth < AllowedHeapGrowth, $"The heap grew by {heapGrowth / 1024 / 1024} MB.");
        Assert.Equal(WarmUp, stalled.LastSeq);
        Assert.False(catchUp.GetProperty("reset").GetBoolean());
        var missed = catchUp.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(WarmUp + 1, Flood).Select(seq => (long)seq), missed.Select(p => p.GetProperty("seq").GetInt64()));
        Assert.Equal(postIds, missed.Select(p => p.GetProperty("post").GetProperty("id").GetInt64()));
    }

    /// <summary>Posts large texts one after another; returns their ids and the longest wait for an acknowledgement.</summary>
    private static async Task<(List<long> Ids, TimeSpan SlowestAck)> PostAsync(string tag, LiveViewer poster, int count, CancellationToken ct)
    {
        var ids = new List<long>(count);
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder(TextLength).Append(i).Append(' ');
            while (text.Length + 10 <= TextLength)
            {
                text.Append("&&&&&&&&& ");
            }

            var started = Stopwatch.GetTimestamp();
            var accepted = await poster.PostAsync(tag, text.ToString(), ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
            ids.Add(accepted.Post.Id);
        }

        return (ids, slowest);
    }

    /// <summary>The ids of the next <paramref name="count"/> pushed posts, checked to come in seq order without a gap.</summary>
    private static async Task<List<long>> ReceiveAsync(LiveViewer viewer, int count, CancellationToken ct)
    {
        var ids = new List<long>(count);
        long? last = null;
        for (var i = 0; i < count; i++)
        {
            var pushed = await viewer.NextPostAsync(ct);
            Assert.True(last is null || pushed.Seq == last + 1, $"Seq {pushed.Seq} came after {last}.");
            last = pushed.Seq;
            ids.Add(pushed.Post.Id);
        }

        return ids;
    }

    // The server lets go of a cut connection's buffers on its own threads, a moment after the client sees the close.
    private static async Task<long> HeapGrowthSettledAsync(long heapBefore, CancellationToken ct)
    {
        var growth = HeapAfterFullCollection() - heapBefore;
        for (var waited = Stopwatch.StartNew(); growth >= AllowedHeapGrowth && waited.Elapsed < TimeSpan.FromSeconds(5);)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            growth = HeapAfterFullCollection() - heapBefore;
        }

        return growth;
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
