namespace Widget.Web.Posting;

/// <summary>The signed-in user a post is written by, as proven by their token.</summary>
public sealed record PostAuthor(long UserId, Guid SessionId, string Name);
