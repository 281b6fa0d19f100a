using Widget.Web.Language;

namespace Widget.Web.Viewing;

/// <summary>The widget's words for premoderation and reports, in the site's language, beside <see cref="WidgetLabels"/>.</summary>
/// <param name="ReportReasons">The short reasons a visitor picks from, separated by '|'.</param>
public sealed record ModerationLabels(string Held, string ReportWhy, string ReportReasons, string ReportDetails)
{
    public static ModerationLabels For(WidgetLabels labels)
    {
        var language = Languages.Parse(labels.Language);
        string Text(string key) => VisitorText.Get(language, "Moderation." + key);
        return new(Text("Held"), Text("ReportWhy"), Text("ReportReasons"), Text("ReportDetails"));
    }
}
