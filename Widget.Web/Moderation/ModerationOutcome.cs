using Widget.Core.Sites;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Moderation;

/// <summary>Whether a moderation request was carried out, and if not, why, in words for the person who asked.</summary>
/// <param name="Message">In English, for the moderators' pages and the API.</param>
/// <param name="Words">The same for a visitor of a widget, said in its language; null where only moderators ask.</param>
public sealed record ModerationOutcome(ModerationStatus Status, string Message, Notice? Words = null)
{
    public bool Done => Status == ModerationStatus.Done;

    public static ModerationOutcome Ok(string message) => new(ModerationStatus.Done, message);

    public static ModerationOutcome NotAllowed(string tag) => Visitor(ModerationStatus.Forbidden, Notice.Of("Moderation.NotAllowed", tag));

    public static ModerationOutcome NotFound(string what) => new(ModerationStatus.NotFound, what);

    /// <summary>An outcome a visitor of a widget can get, from the resource files.</summary>
    public static ModerationOutcome Visitor(ModerationStatus status, Notice words) =>
        new(status, VisitorText.Say(words, WidgetLanguage.En), words);
}
