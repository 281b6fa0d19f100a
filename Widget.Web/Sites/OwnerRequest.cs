namespace Widget.Web.Sites;

/// <summary>An administrator's hand-over of a channel, over the HTTP API.</summary>
public sealed record OwnerRequest(long UserId);
