namespace Widget.Web.Posting;

public sealed record CreatePostRequest(Guid ClientId, string? Text);
