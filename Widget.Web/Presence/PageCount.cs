namespace Widget.Web.Presence;

/// <summary>How many viewers have the channel open on one host page; sent to that page's viewers only.</summary>
public sealed record PageCount(string Tag, int Count);
