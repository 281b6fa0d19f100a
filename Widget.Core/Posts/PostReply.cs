namespace Widget.Core.Posts;

/// <summary>The post a reply answers: always the root of its thread, so threads are one level deep.</summary>
/// <param name="AuthorName">Null once the parent is no longer shown (deleted, or hidden from every tag): a reply keeps its place but names nobody.</param>
public sealed record PostReply(long PostId, string? AuthorName);
