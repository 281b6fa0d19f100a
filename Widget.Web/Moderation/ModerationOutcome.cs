namespace Widget.Web.Moderation;

/// <summary>Whether a moderation request was carried out, and if not, why, in words for the person who asked.</summary>
public sealed record ModerationOutcome(ModerationStatus Status, string Message)
{
    public bool Done => Status == ModerationStatus.Done;

    public static ModerationOutcome Ok(string message) => new(ModerationStatus.Done, message);

    public static ModerationOutcome NotAllowed(string tag) =>
        new(ModerationStatus.Forbidden, $"Only the owner and moderators of #{tag} can do that.");

    public static ModerationOutcome NotFound(string what) => new(ModerationStatus.NotFound, what);
}
