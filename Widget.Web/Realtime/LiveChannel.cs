namespace Widget.Web.Realtime;

/// <summary>
/// One tag as this node serves it live: how many of the node's connections follow it, when its last frame of posts
/// left, and the posts waiting for the next. Everything here is read and changed under <see cref="Gate"/>.
/// </summary>
public sealed class LiveChannel
{
    public Lock Gate { get; } = new();

    public int Viewers { get; set; }

    /// <summary>Taken out of <see cref="LiveChannels"/>: a connection joining now starts a new one.</summary>
    public bool Closed { get; set; }

    /// <summary>When the last frame of posts left, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public long LastFrameAt { get; set; }

    /// <summary>Posts waiting for the next frame, in the order they came; null when none is due.</summary>
    public List<WaitingPost>? Waiting { get; set; }
}

/// <summary>A post waiting for its channel's next frame, with what to call once the frame is sent or has failed.</summary>
public sealed record WaitingPost(PostEvent Post, Action? Sent, Action<Exception> Failed);
