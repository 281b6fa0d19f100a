namespace Widget.Core.Presence;

/// <summary>One open widget: a connection on a channel, perhaps on a known page of the host site, perhaps signed in.</summary>
/// <param name="ConnectionId">Unique across nodes (SignalR's ids are random), so a shared store needs no node prefix.</param>
/// <param name="Page">The host page, as the embed script reported it; null when unknown.</param>
public sealed record PresenceConnection(string ConnectionId, string Tag, PresentUser? User, string? Page);
