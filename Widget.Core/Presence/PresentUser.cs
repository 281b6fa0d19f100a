namespace Widget.Core.Presence;

/// <summary>A signed-in person shown with a green dot. Anonymous viewers are counted, never named.</summary>
public sealed record PresentUser(long Id, string Name);
