namespace Widget.Web.Together;

/// <summary>Who a connection is in a session: the participant, null for nobody; or the session is gone.</summary>
public sealed record Membership(long? UserId, bool Gone);
