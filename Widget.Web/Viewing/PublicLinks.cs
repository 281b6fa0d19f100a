using System.Globalization;

namespace Widget.Web.Viewing;

/// <summary>The addresses of the public pages, in one place for the pages, the post component and the feeds.</summary>
public static class PublicLinks
{
    public static string Tag(string tag) => "/t/" + Uri.EscapeDataString(tag);

    public static string TagFeed(string tag) => Tag(tag) + "/feed.atom";

    /// <summary>Profiles are addressed by id: display names are not unique.</summary>
    public static string User(long id) => "/u/" + id.ToString(CultureInfo.InvariantCulture);

    public static string UserFeed(long id) => User(id) + "/feed.atom";

    /// <summary>A mention names a display name, resolved to a profile when followed (a name is never all digits).</summary>
    public static string Mention(string name) => "/u/" + Uri.EscapeDataString(name);

    public static string Post(long id) => "/p/" + id.ToString(CultureInfo.InvariantCulture);
}
