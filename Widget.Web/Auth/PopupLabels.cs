using Widget.Core.Sites;
using Widget.Web.Language;

namespace Widget.Web.Auth;

/// <summary>The sign-in popup's own words, in the language of the widget that opened it.</summary>
public sealed record PopupLabels(string Language, string Title, string Waiting, string NotFromWidget, string Done)
{
    public static readonly PopupLabels English = For(WidgetLanguage.En);

    public static PopupLabels For(WidgetLanguage language)
    {
        string Text(string key) => VisitorText.Get(language, "Popup." + key);
        return new(Languages.Code(language), Text("Title"), Text("Waiting"), Text("NotFromWidget"), Text("Done"));
    }

    /// <summary>The labels for a <c>lang</c> query value; anything unknown reads as English.</summary>
    public static PopupLabels For(string? lang) => For(Languages.Parse(lang));
}
