namespace Widget.Data.Posts;

/// <summary>A post the batch stored: its id, its author's name, and its seq in each of its tags.</summary>
internal sealed record BatchedPost(long Id, string AuthorName, Dictionary<string, long> Seqs);
