using Widget.Core.Sites;

namespace Widget.Web.Auth;

/// <summary>The sign-in popup's own words, in the language of the widget that opened it.</summary>
public sealed record PopupLabels(string Language, string Title, string Waiting, string NotFromWidget, string Done)
{
    public static readonly PopupLabels English = new(
        "en", "Sign in", "Signing in…",
        "This sign-in was not started by the chat. To sign in, use the sign-in button in the chat itself.",
        "You are signed in. You can close this window.");

    public static readonly PopupLabels Russian = new(
        "ru", "Вход", "Входим…",
        "Этот вход начат не из чата. Чтобы войти, нажмите кнопку входа в самом чате.",
        "Вы вошли. Это окно можно закрыть.");

    /// <summary>The labels for a <c>lang</c> query value; anything unknown reads as English.</summary>
    public static PopupLabels For(string? lang) =>
        Enum.TryParse<WidgetLanguage>(lang, ignoreCase: true, out var language) && language == WidgetLanguage.Ru ? Russian : English;
}
