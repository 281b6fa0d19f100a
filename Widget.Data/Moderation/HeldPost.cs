using Widget.Core.Posts;

namespace Widget.Data.Moderation;

/// <summary>A post waiting in <paramref name="Tag"/>'s queue (or turned down there, when <paramref name="RejectedAt"/> is set).</summary>
/// <param name="Created">Whether this send held it, rather than finding it held already.</param>
public sealed record HeldPost(Post Post, string Tag, bool Created, DateTimeOffset? RejectedAt = null, string RejectReason = "");
