namespace Widget.Web.Together;

/// <summary>What the together hub pushes of the session's chat.</summary>
public interface ITogetherChatClient
{
    /// <summary>To everyone in the session, the sender too: a line of the chat.</summary>
    Task Said(ChatLine line);
}
