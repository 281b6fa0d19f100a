namespace Widget.Data.Moderation;

/// <summary>A post taken out of timelines: its author, and the tags whose viewers must drop it.</summary>
public sealed record RemovedPost(long PostId, long AuthorId, IReadOnlyList<string> Tags);
