using Widget.Core.Sites;

namespace Widget.Web.Viewing;

/// <summary>The widget's own words, in the site's chosen language. Posts are always shown as written.</summary>
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
    string Here,
    string OnPage,
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
    string NotEnabled,
    string AddDomain)
{
    public static readonly WidgetLabels English = new(
        "en", "Sign in with {0}", "Send", "Sign out", "Message", "No posts yet. Say hello!", "Reconnecting…",
        "Please allow pop-ups to sign in.", "Sign-in failed. Please try again.", "Couldn’t load older posts.",
        "Something went wrong. Please try again.", "{0} here now", "{0} on this page", "{0} typing…",
        "Continue with your account", "Continue as {0}", "Report", "Delete", "Reply", "Edit", "Replying to {0}",
        "Editing your post", "Cancel", "Write a post", "Pinned",
        "You are offline.", "It will be sent when you are back online.",
        "Your data", "Download my posts and reactions", "Delete my account",
        "This deletes your account, every post and reaction you made on every site, and the channels you own, and signs you out everywhere. It cannot be undone.",
        "Delete for good", "Keep my account", "Your account has been deleted.",
        "This chat is not enabled on this site.", "Site owner: add {0} to the allowed domains in the chat’s settings.");

    public static readonly WidgetLabels Russian = new(
        "ru", "Войти через {0}", "Отправить", "Выйти", "Сообщение", "Пока нет сообщений. Напишите первым!",
        "Переподключение…", "Разрешите всплывающие окна, чтобы войти.", "Не удалось войти. Попробуйте ещё раз.",
        "Не удалось загрузить старые сообщения.", "Что-то пошло не так. Попробуйте ещё раз.", "Сейчас здесь: {0}",
        "на этой странице: {0}", "{0} печатает…",
        "Продолжить со своим аккаунтом", "Продолжить как {0}", "Пожаловаться", "Удалить", "Ответить", "Изменить",
        "Ответ для {0}", "Изменение сообщения", "Отмена", "Написать сообщение", "Закреплено",
        "Нет связи.", "Сообщение отправится, когда связь вернётся.",
        "Ваши данные", "Скачать мои сообщения и реакции", "Удалить мой аккаунт",
        "Будут удалены ваш аккаунт, все ваши сообщения и реакции на всех сайтах и ваши каналы, и вы выйдете везде. Это нельзя отменить.",
        "Удалить навсегда", "Оставить аккаунт", "Ваш аккаунт удалён.",
        "Этот чат не включён на этом сайте.", "Владельцу сайта: добавьте {0} в разрешённые домены в настройках чата.");

    public static WidgetLabels For(WidgetLanguage language) => language == WidgetLanguage.Ru ? Russian : English;
}
