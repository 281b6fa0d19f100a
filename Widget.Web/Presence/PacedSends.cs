namespace Widget.Web.Presence;

/// <summary>A group send and how many of this node's connections it writes a frame to.</summary>
public readonly record struct GroupSend(int Recipients, Func<Task> Send);

/// <summary>
/// Sends a presence flush in slices of about <see cref="SliceRecipients"/> frames, spaced evenly over a span.
/// Sent all at once, a flush that reaches every open widget queues a frame for each in the server's socket
/// output before any leaves, and the server's memory pool keeps a 4 KB block for every frame that waited: while
/// pings keep the pool busy it gives back 1 % of them every 10 s. With 10,000 widgets joining, that was ~20 MB
/// held for as long as they stayed (docs/benchmarks.md, "An idle viewer's memory").
/// </summary>
public static class PacedSends
{
    public const int SliceRecipients = 512;

    public static async Task RunAsync(IReadOnlyList<GroupSend> sends, TimeSpan span, TimeProvider time, CancellationToken ct)
    {
        var total = sends.Sum(send => send.Recipients);
        var gap = span / Math.Max(1, (total + SliceRecipients - 1) / SliceRecipients);
        // A send to a group finishes when every connection in it has taken the frame, so a widget that stopped
        // reading holds its own until the slow-consumer bound cuts it off; the next slice does not wait for that.
        var sent = new List<Task>(sends.Count);
        var inSlice = 0;
        foreach (var send in sends)
        {
            if (inSlice > 0 && inSlice + send.Recipients > SliceRecipients)
            {
                inSlice = 0;
                await Task.Delay(gap, time, ct);
            }

            sent.Add(send.Send());
            inSlice += send.Recipients;
        }

        await Task.WhenAll(sent);
    }
}
