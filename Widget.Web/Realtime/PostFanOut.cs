using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Widget.Web.Realtime;

/// <summary>
/// Sends each new post to its tag's group, at most one frame per tick to each viewer of a crowded tag. A post goes out
/// at once unless the tag's last frame left less than a tick ago; then it waits for the tick's end and leaves with every
/// post that came meanwhile, as one <see cref="ILiveClient.PostsAdded"/>. The tick is the tag's viewers on this node
/// over <see cref="RealtimeOptions.ChannelFramesPerSecond"/>, so a quiet channel or a small one never waits, and a
/// channel of thousands costs the node a bounded number of frames a second however fast its posts come.
/// </summary>
/// <remarks>
/// A frame, not a byte, is what a delivery costs: each is a write into the connection's pipe, a wake-up of its
/// transport, a WebSocket frame and a system call, where a second post in the same frame is a few hundred bytes more.
/// Sends of one tag start in the order of the calls, whether at once or in a batch, so its viewers get its posts in
/// seq order.
/// </remarks>
public sealed class PostFanOut(IHubContext<LiveHub, ILiveClient> hub, LiveChannels channels, TimeProvider time, IOptions<RealtimeOptions> options)
{
    /// <summary>Below this a batch would save nothing anyone could measure, and holding a post back still costs a timer.</summary>
    private static readonly TimeSpan ShortestTick = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The longest a post waits, however many follow its channel: anyone can open connections to a channel, and the wait
    /// is every viewer's, so a crowd of them must not be able to hold a channel's posts back for long.
    /// </summary>
    private static readonly TimeSpan LongestTick = TimeSpan.FromSeconds(1);

    public void Send(PostEvent post, Action? sent, Action<Exception> failed)
    {
        var waiting = new WaitingPost(post, sent, failed);
        if (channels.Find(post.Tag) is not { } channel)
        {
            // Nobody here follows it: the group send reaches the other nodes' viewers, if any, through the backplane.
            Start(post.Tag, [waiting]);
            return;
        }

        lock (channel.Gate)
        {
            if (channel.Waiting is { } batch)
            {
                batch.Add(waiting);
                return;
            }

            var tick = TimeSpan.FromSeconds(Math.Min(LongestTick.TotalSeconds, (double)channel.Viewers / options.Value.ChannelFramesPerSecond));
            var sinceLast = time.GetElapsedTime(channel.LastFrameAt);
            if (tick < ShortestTick || sinceLast >= tick || channel.Closed)
            {
                channel.LastFrameAt = time.GetTimestamp();
                Start(post.Tag, [waiting]);
                return;
            }

            channel.Waiting = [waiting];
            _ = FlushLaterAsync(post.Tag, channel, tick - sinceLast);
        }
    }

    private async Task FlushLaterAsync(string tag, LiveChannel channel, TimeSpan wait)
    {
        await Task.Delay(wait, time);
        lock (channel.Gate)
        {
            var batch = channel.Waiting!;
            channel.Waiting = null;
            channel.LastFrameAt = time.GetTimestamp();
            Start(tag, batch);
            channels.CloseIfIdle(tag, channel);
        }
    }

    private void Start(string tag, List<WaitingPost> batch)
    {
        var group = hub.Clients.Group(LiveGroups.ForTag(tag));
        Task send;
        try
        {
            send = batch.Count == 1 ? group.PostAdded(batch[0].Post) : group.PostsAdded([.. batch.Select(w => w.Post)]);
        }
        catch (Exception e)
        {
            send = Task.FromException(e);
        }

        DetachedSends.Observe(send, () => batch.ForEach(w => w.Sent?.Invoke()), e => batch.ForEach(w => w.Failed(e)));
    }
}
