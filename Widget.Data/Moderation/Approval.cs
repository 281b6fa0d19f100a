using Widget.Data.Posts;

namespace Widget.Data.Moderation;

/// <summary>The outcome of approving a held post: the stored post with its new seqs, or why there is none.</summary>
public sealed record Approval(ApprovalStatus Status, StoredPost? Stored = null);
