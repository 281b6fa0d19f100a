namespace Widget.Web.Moderation;

/// <summary>A visitor's report of a post seen in <paramref name="Tag"/>: it goes to that tag's moderators.</summary>
public sealed record ReportRequest(string? Tag, long PostId, string? Reason);
