using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Realtime;

public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>The most posts replayed to a reconnecting viewer; past that the viewer reloads the list.</summary>
    [Range(1, 10_000)]
    public int CatchUpLimit { get; set; } = 200;

    /// <summary>
    /// How many hub connections one client address may hold open at once, across the cluster. One open widget is
    /// one connection; an office or a mobile carrier's shared address puts many people behind one address, so this
    /// is set for a crowd, not a person, and still stops one machine from holding thousands.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>How many tags one connection may follow at once.</summary>
    [Range(1, 100)]
    public int MaxTagsPerConnection { get; set; } = 4;

    /// <summary>The largest message a client may send over the hub.</summary>
    [Range(1024, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// How long one send to a client may stay unfinished before its connection is closed: a client that stopped
    /// reading is cut off after this (and up to a second more), then reconnects and catches up by seq.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SlowConsumerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much the server queues towards one client before writes to it wait on the client.</summary>
    [Range(16 * 1024, 16 * 1024 * 1024)]
    public int SendBufferBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How many frames of new posts one tag may cost this node a second. A tag's posts leave at most once per tick, the
    /// tick being its viewers here over this, and never more than a second: 10,000 viewers wait up to 250 ms and go in
    /// one frame, 40 or fewer never wait. About what one core writes, at ~25 µs a frame.
    /// </summary>
    [Range(1, 10_000_000)]
    public int ChannelFramesPerSecond { get; set; } = 40_000;

    /// <summary>
    /// How often the server pings every hub connection but a widget's live one: a call's, a browsing session's, an admin
    /// page's circuit. The call and session scripts give up on a connection that has been silent for 10 s, so a dropped
    /// network shows within that; this must stay well under it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:05")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How often the server pings a widget's live connection, every open widget's. SignalR pings each connection at
    /// this interval whatever else it was sent, so this sets a cost per open widget: frames to write, and a phone's
    /// radio woken. The widget gives up on a connection that has been silent for 25 s (the browser's offline event is
    /// believed at once); this must stay under half of that.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:12")]
    public TimeSpan LiveKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);
}
