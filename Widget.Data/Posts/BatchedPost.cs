namespace Widget.Data.Posts;

/// <summary>A post the batch stored: its id, its author's name, the name of the author it replies to, and its seq in each of its tags.</summary>
internal sealed record BatchedPost(long Id, string AuthorName, string? ParentAuthorName, Dictionary<string, long> Seqs);
