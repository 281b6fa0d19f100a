using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Moderation;
using Widget.Data.Sites;

namespace Widget.Web.Together;

/// <summary>Whether a user may start or knock at a session in a tag, or show their pod there: the site must have the switch on and the user no ban there.</summary>
public sealed class TogetherDoor(SiteStore sites, ModerationStore moderation)
{
    public Task<DoorAnswer> AskAsync(string tag, long userId, CancellationToken ct) =>
        AskAsync(tag, userId, s => s.BrowseTogether, ct);

    /// <param name="userId">Null for an anonymous visitor, who may only watch: open wherever the switch is on.</param>
    /// <param name="turnedOn">The site's switch for what is asked.</param>
    public async Task<DoorAnswer> AskAsync(string tag, long? userId, Func<SiteSettings, bool> turnedOn, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed) || await sites.FindAsync(parsed.Value, ct) is not { } site || !turnedOn(site.Settings))
        {
            return DoorAnswer.Off;
        }

        if (userId is not { } id)
        {
            return DoorAnswer.Open;
        }

        var bans = await moderation.BansOnAsync(id, [parsed.Value.Value], ct);
        return bans.InForce switch
        {
            null => DoorAnswer.Open,
            { Shadow: true } => DoorAnswer.Shadowed,
            _ => DoorAnswer.Banned,
        };
    }
}

/// <summary>A shadow-banned user is not told: their knock waits and reaches nobody.</summary>
public enum DoorAnswer
{
    Open,
    Off,
    Banned,
    Shadowed,
}
