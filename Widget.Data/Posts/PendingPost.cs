using Widget.Core.Posts;

namespace Widget.Data.Posts;

/// <summary>A post waiting for the next batch, with the time it was written.</summary>
internal sealed record PendingPost(NewPost Post, DateTimeOffset CreatedAt, bool Shadow);
