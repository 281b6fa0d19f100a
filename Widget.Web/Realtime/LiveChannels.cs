using System.Collections.Concurrent;

namespace Widget.Web.Realtime;

/// <summary>
/// The tags this node's hub connections follow, each with its viewer count: what one post to a tag costs the node in
/// frames. Other nodes count their own, as each node's fan-out writes only to its own connections. A tag nobody here
/// follows has no entry.
/// </summary>
public sealed class LiveChannels
{
    private readonly ConcurrentDictionary<string, LiveChannel> channels = new(StringComparer.Ordinal);

    public LiveChannel? Find(string tag) => channels.GetValueOrDefault(tag);

    /// <summary>How many of this node's connections follow the tag.</summary>
    public int ViewersOf(string tag)
    {
        if (Find(tag) is not { } channel)
        {
            return 0;
        }

        lock (channel.Gate)
        {
            return channel.Viewers;
        }
    }

    public void Joined(string tag)
    {
        while (true)
        {
            var channel = channels.GetOrAdd(tag, _ => new LiveChannel());
            lock (channel.Gate)
            {
                // Closed between the lookup and the lock: the next lookup adds a new one.
                if (!channel.Closed)
                {
                    channel.Viewers++;
                    return;
                }
            }
        }
    }

    public void Left(string tag)
    {
        if (Find(tag) is not { } channel)
        {
            return;
        }

        lock (channel.Gate)
        {
            channel.Viewers--;
            CloseIfIdle(tag, channel);
        }
    }

    /// <summary>Takes out a channel nobody follows and nothing waits in; the caller holds its gate.</summary>
    public void CloseIfIdle(string tag, LiveChannel channel)
    {
        if (channel.Viewers <= 0 && channel.Waiting is null && !channel.Closed)
        {
            channel.Closed = true;
            channels.TryRemove(KeyValuePair.Create(tag, channel));
        }
    }
}
