namespace Widget.Web.Viewing;

/// <summary>The widget's words for premoderation and reports, in the site's language, beside <see cref="WidgetLabels"/>.</summary>
/// <param name="ReportReasons">The short reasons a visitor picks from, separated by '|'.</param>
public sealed record ModerationLabels(string Held, string ReportWhy, string ReportReasons, string ReportDetails)
{
    public static readonly ModerationLabels English = new(
        "Waiting for approval", "Why report it?", "Spam|Abuse|Off topic|Other", "More details (optional)");

    public static readonly ModerationLabels Russian = new(
        "Ждёт одобрения", "Почему вы жалуетесь?", "Спам|Оскорбления|Не по теме|Другое", "Подробнее (необязательно)");

    public static ModerationLabels For(WidgetLabels labels) => labels.Language == WidgetLabels.Russian.Language ? Russian : English;
}
