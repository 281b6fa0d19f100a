using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Core.Text;

namespace Widget.Web.Language;

/// <summary>
/// The language a widget's connection is spoken to in: the site's, which the widget page was rendered in and
/// passes as <c>?lang=</c> when it connects. It chooses words and nothing else, so it is taken as given.
/// </summary>
public static class HubLanguage
{
    public const string Query = "lang";

    private static readonly object Key = new();

    public static WidgetLanguage Of(HubCallerContext context)
    {
        if (context.Items.TryGetValue(Key, out var known) && known is WidgetLanguage language)
        {
            return language;
        }

        language = Languages.Parse(context.GetHttpContext()?.Request.Query[Query].ToString());
        context.Items[Key] = language;
        return language;
    }

    /// <summary>The language a connection was read as, from its items (English until it was read).</summary>
    public static WidgetLanguage Of(IDictionary<object, object?> items) =>
        items.TryGetValue(Key, out var known) && known is WidgetLanguage language ? language : WidgetLanguage.En;

    /// <summary>A refusal the caller reads in their widget's language.</summary>
    public static HubException Refusal(HubCallerContext context, Notice notice) => new(VisitorText.Say(notice, Of(context)));
}
