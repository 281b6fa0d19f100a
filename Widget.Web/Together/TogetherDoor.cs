using Widget.Core.Tags;
using Widget.Data.Moderation;
using Widget.Data.Sites;

namespace Widget.Web.Together;

/// <summary>Whether a user may start or knock at a session in a tag: the site must have the switch on and the user no ban there.</summary>
public sealed class TogetherDoor(SiteStore sites, ModerationStore moderation)
{
    public async Task<DoorAnswer> AskAsync(string tag, long userId, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed) || await sites.FindAsync(parsed.Value, ct) is not { Settings.BrowseTogether: true })
        {
            return DoorAnswer.Off;
        }

        var bans = await moderation.BansOnAsync(userId, [parsed.Value.Value], ct);
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
