namespace Widget.Data.Moderation;

/// <summary>A post about to be stored, as <see cref="PostingChecks"/> needs it.</summary>
/// <param name="Channel">The tag the post is written in: its slow mode and blocked words apply.</param>
/// <param name="Tags">Every tag the post would stand in: bans and premoderation in any of them apply.</param>
internal sealed record PostingAttempt(long UserId, string Channel, IReadOnlyCollection<string> Tags);
