namespace Widget.Web.Moderation;

/// <summary>
/// Tells the moderator desks open on this node that a tag has something new, so they reload at once. Only the
/// fast path: a desk also checks Postgres every <see cref="ModerationOptions.DeskCheckInterval"/>, which catches
/// what other nodes did.
/// </summary>
public sealed class DeskNudges
{
    public event Action<string>? Nudged;

    public void Nudge(IEnumerable<string> tags)
    {
        if (Nudged is not { } handlers)
        {
            return;
        }

        foreach (var tag in tags)
        {
            handlers(tag);
        }
    }
}
