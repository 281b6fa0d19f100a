using Widget.Core.Text;

namespace Widget.Web.Together;

/// <summary>
/// The session's chat: a line goes to everyone in the session at once and is kept nowhere, neither stored nor
/// logged; it is not a post of the tag's channel. Lines are cleaned like any user text and held to a length
/// and a rate of their own.
/// </summary>
public sealed partial class TogetherHub
{
    public const int MaxChatLine = 500;

    public async Task Say(string sessionId, string text)
    {
        var (session, userId) = await MemberAsync(sessionId);
        var line = UserText.Line(text ?? "");
        if (line.Length is 0 or > MaxChatLine)
        {
            throw Refusal("Together.BadLine");
        }

        if (!lines.TryTake(sessionId, userId))
        {
            throw Refusal("Together.ChatTooFast");
        }

        var name = session.Participants.FirstOrDefault(p => p.UserId == userId)?.Name ?? "";
        await Clients.Group(Group(sessionId)).Said(new ChatLine(sessionId, userId, name, line));
    }
}
