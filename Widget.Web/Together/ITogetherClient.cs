namespace Widget.Web.Together;

/// <summary>What the together hub pushes to a widget in or at the door of a session.</summary>
public interface ITogetherClient : ITogetherFollowClient, ITogetherChatClient, ITogetherPodClient
{
    /// <summary>To the creator: someone asks to join.</summary>
    Task Knocked(Knock knock);

    /// <summary>To the knocker: they are in, and this is who is there.</summary>
    Task Admitted(SessionView session);

    /// <summary>To the knocker: the creator said no.</summary>
    Task Declined(string sessionId);

    /// <summary>To the participants: who is in the session now.</summary>
    Task ParticipantsChanged(SessionView session);

    /// <summary>To a participant the creator removed.</summary>
    Task Removed(string sessionId);

    /// <summary>To everyone in the session: the creator ended it.</summary>
    Task Ended(string sessionId);

    /// <summary>The others' newest cursor positions since the last batch.</summary>
    Task Cursors(CursorBatch batch);

    /// <summary>Another participant's change to a page's form state (see <see cref="TogetherHub.SendForm"/>).</summary>
    Task FormChanged(FormRelay relay);

    /// <summary>Someone opened the page and wants the form state the others hold.</summary>
    Task FormAsked(FormQuestion question);

    /// <summary>The field another participant is editing now, or none.</summary>
    Task FieldFocused(FieldFocus focus);
}
