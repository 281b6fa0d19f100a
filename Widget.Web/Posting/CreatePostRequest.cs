namespace Widget.Web.Posting;

/// <param name="ReplyTo">The id of the post this one answers, if any.</param>
public sealed record CreatePostRequest(Guid ClientId, string? Text, long? ReplyTo = null);
