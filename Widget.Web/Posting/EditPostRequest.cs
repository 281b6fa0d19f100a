namespace Widget.Web.Posting;

/// <summary>The new text of a post, over the hub (with its id) or the HTTP API (the id is in the path).</summary>
public sealed record EditPostRequest(long PostId, string? Text);
