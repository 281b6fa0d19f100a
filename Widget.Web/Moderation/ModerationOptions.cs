namespace Widget.Web.Moderation;

public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>
    /// User ids (the <c>sub</c> of the service's own tokens, shown on /sites) of global administrators,
    /// who moderate every tag. Local ids rather than provider identities: a user is keyed by
    /// (issuer, subject) once, and the id names that user whichever provider they sign in with.
    /// </summary>
    public IReadOnlyList<long> Administrators { get; set; } = [];

    /// <summary>How often an open moderator desk asks Postgres whether its tag changed: what other nodes did
    /// reaches it within this; what this node did reaches it at once.</summary>
    public TimeSpan DeskCheckInterval { get; set; } = TimeSpan.FromSeconds(3);
}
