namespace Widget.Core.Sites;

/// <summary>
/// Why a tag cannot be claimed, in the words the configurator and the API both use. A claim makes its owner
/// the moderator of everyone's posts in the tag, and their allowed domains and CSS frame them; so a tag is
/// claimed only by whoever started it, while nobody else has posted in it. Once others have (posts since
/// deleted or hidden count too: the channel had a community), only an administrator gives it an owner.
/// </summary>
public static class ClaimMessages
{
    public static string AlreadyClaimed(string tag) => $"#{tag} is already claimed by someone.";

    public static string OthersPosted(string tag) =>
        $"Others have already posted in #{tag}; ask an administrator to hand it to you.";
}
