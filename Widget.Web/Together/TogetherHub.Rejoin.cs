using Microsoft.AspNetCore.Mvc;

namespace Widget.Web.Together;

/// <summary>A participant's widget coming back (a reload, another page of the site, a reconnected hub) takes its place again without knocking.</summary>
public sealed partial class TogetherHub
{
    /// <summary>Attaches the caller's connection to a session they are a participant of; refused for anyone else, who must knock.</summary>
    public async Task<SessionView> Rejoin(string sessionId, [FromServices] TogetherDoor door)
    {
        var user = SignedIn();
        await PassAsync(door, await FindAsync(sessionId), user.UserId);
        var view = await sessions.AttachAsync(sessionId, Context.ConnectionId, user.UserId, Context.ConnectionAborted) ?? throw Refusal("Together.NotIn");
        await JoinGroupAsync(sessionId, user.UserId);
        return view;
    }
}
