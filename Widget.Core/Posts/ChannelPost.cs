namespace Widget.Core.Posts;

/// <summary>A post as it stands in one tag's timeline: its per-tag sequence number orders the timeline.</summary>
public sealed record ChannelPost(long Seq, Post Post);
