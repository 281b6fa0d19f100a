using Widget.Bench.Measure;
using Widget.Bench.Peers;

namespace Widget.Bench.Commands;

/// <summary>One viewer connection's own state: its channel, and the posts it has already seen.</summary>
public sealed class ViewerState(int channel)
{
    public int Channel { get; } = channel;

    public HashSet<long> Seen { get; } = [];
}

/// <summary>Counts every PostAdded a viewer receives into the process's tally.</summary>
public sealed class ViewerEvents(DeliveryTally tally) : ILiveEvents
{
    public void OnPostAdded(ILiveConnection connection, ReadOnlySpan<byte> postText, long receivedAt)
    {
        if (connection.State is ViewerState viewer && PostMarker.TryParse(postText, out var phase, out var key, out var sentAt))
        {
            tally.Record(viewer.Channel, viewer.Seen, phase, key, sentAt, receivedAt);
        }
        else
        {
            tally.RecordForeign();
        }
    }
}
