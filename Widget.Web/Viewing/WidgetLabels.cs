using Widget.Core.Sites;
using Widget.Web.Language;

namespace Widget.Web.Viewing;

/// <summary>The widget's own words, in the site's chosen language (see <see cref="VisitorText"/>). Posts are always shown as written.</summary>
public sealed record WidgetLabels(
    string Language,
    string SignInWith,
    string Send,
    string SignOut,
    string Message,
    string Empty,
    string Reconnecting,
    string AllowPopups,
    string SignInFailed,
    string OlderFailed,
    string SomethingWrong,
    PluralText Here,
    PluralText OnPage,
    string Typing,
    string Continue,
    string ContinueAs,
    string Report,
    string Delete,
    string Reply,
    string Edit,
    string ReplyingTo,
    string Editing,
    string Cancel,
    string WritePost,
    string Pinned,
    string Offline,
    string WillSend,
    string YourData,
    string ExportData,
    string DeleteAccount,
    string DeleteWarning,
    string DeleteForGood,
    string KeepAccount,
    string AccountDeleted,
    string Chat,
    PluralText NewPosts,
    string SlowMode,
    string SlowModeOff,
    string NotEnabled,
    string AddDomain)
{
    public static readonly WidgetLabels English = For(WidgetLanguage.En);

    public static readonly WidgetLabels Russian = For(WidgetLanguage.Ru);

    public static WidgetLabels For(WidgetLanguage language)
    {
        string Text(string key) => VisitorText.Get(language, "Widget." + key);
        PluralText Plural(string key) => new(VisitorText.PluralForms(language, "Widget." + key));
        return new(
            Languages.Code(language),
            Text("SignInWith"),
            Text("Send"),
            Text("SignOut"),
            Text("Message"),
            Text("Empty"),
            Text("Reconnecting"),
            Text("AllowPopups"),
            Text("SignInFailed"),
            Text("OlderFailed"),
            Text("SomethingWrong"),
            Plural("Here"),
            Plural("OnPage"),
            Text("Typing"),
            Text("Continue"),
            Text("ContinueAs"),
            Text("Report"),
            Text("Delete"),
            Text("Reply"),
            Text("Edit"),
            Text("ReplyingTo"),
            Text("Editing"),
            Text("Cancel"),
            Text("WritePost"),
            Text("Pinned"),
            Text("Offline"),
            Text("WillSend"),
            Text("YourData"),
            Text("ExportData"),
            Text("DeleteAccount"),
            Text("DeleteWarning"),
            Text("DeleteForGood"),
            Text("KeepAccount"),
            Text("AccountDeleted"),
            Text("Chat"),
            Plural("NewPosts"),
            Text("SlowMode"),
            Text("SlowModeOff"),
            Text("NotEnabled"),
            Text("AddDomain"));
    }
}
