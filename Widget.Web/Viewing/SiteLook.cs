using System.Globalization;
using Widget.Core.Sites;
using Widget.Core.Text;
using Widget.Data.Entities;

namespace Widget.Web.Viewing;

/// <summary>What a claimed site changes about its widget page: title, theme, words and stylesheet.</summary>
/// <param name="BrowseTogether">Whether the widget offers "Browse together" (see <see cref="SiteSettings.BrowseTogether"/>).</param>
/// <param name="ShowVisitors">Whether the widget offers "Show me on this page" (see <see cref="SiteSettings.ShowVisitors"/>).</param>
/// <param name="PrivateSelector">The page parts "Browse together" never shares (see <see cref="SiteSettings.PrivateSelector"/>).</param>
public sealed record SiteLook(string Title, WidgetTheme Theme, WidgetLabels Labels, string? StylesheetHref, bool BrowseTogether = false, string PrivateSelector = "", bool ShowVisitors = false)
{
    public static SiteLook Unclaimed(string tag) => new("#" + tag, WidgetTheme.Auto, WidgetLabels.English, null);

    /// <param name="settings">The saved settings, or a draft being previewed.</param>
    /// <param name="stylesheetQuery">Overrides the saved stylesheet's version, to fetch the draft's.</param>
    public static SiteLook Of(Site site, SiteSettings? settings = null, string? stylesheetQuery = null)
    {
        settings ??= site.Settings;
        var version = "v=" + site.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var href = settings.HasCustomStyle ? $"/w/{site.Tag}/site.css?{stylesheetQuery ?? version}" : null;
        var title = UserText.Line(settings.Title) is { Length: > 0 } own ? own : "#" + site.Tag;
        return new SiteLook(title, settings.Theme, WidgetLabels.For(settings.Language), href, settings.BrowseTogether, settings.PrivateSelector, settings.ShowVisitors);
    }
}
