using Microsoft.AspNetCore.Mvc;
using Widget.Core.Tags;
using Widget.Web.Auth;

namespace Widget.Web.Together;

/// <summary>
/// Pods: where the site's owner turned "show visitors" on, every widget framed by the script watches the page it is
/// on, anonymous ones too, and signed-in visitors who opt in show their mouse there to the others. The same hub as
/// sessions, so pods share their cursor batches, message size cap and per-connection call limit.
/// </summary>
public sealed partial class TogetherHub
{
    private static readonly object ShadowedPod = new();

    /// <summary>Watches the pods of the page at <paramref name="place"/> (its query and hash left out), leaving the page watched before.</summary>
    public async Task WatchPage(string tag, string place, [FromServices] TogetherDoor door)
    {
        if (!SitePlace.IsValid(place))
        {
            throw Refusal("Together.BadPlace");
        }

        if (!Tag.TryParse(tag, out var parsed) || await door.AskAsync(tag, null, s => s.ShowVisitors, Context.ConnectionAborted) is not DoorAnswer.Open)
        {
            throw Refusal("Pods.Off");
        }

        var path = place.Split('?', '#')[0];
        var (entered, left) = rooms.Enter(Context.ConnectionId, parsed.Value.Value, path);
        Context.Items.Remove(ShadowedPod);
        // Out of the page left before it hears this visitor gone from it, which is news to that page alone.
        if (left is ({ } before, _))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, before.Group, Context.ConnectionAborted);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, entered.Group, Context.ConnectionAborted);
        await GoneAsync(left);
    }

    /// <summary>Shows the caller's pod on the page they watch, or stops showing it.</summary>
    public async Task ShowMe(bool shown, [FromServices] TogetherDoor door)
    {
        var room = rooms.Of(Context.ConnectionId) ?? throw Refusal("Pods.NotWatching");
        if (!shown)
        {
            Context.Items.Remove(ShadowedPod);
            await GoneAsync((room, room.Hide(Context.ConnectionId)));
            return;
        }

        var user = Context.User.ToPostAuthor() ?? throw Refusal("Pods.SignIn");
        switch (await door.AskAsync(room.Tag, user.UserId, s => s.ShowVisitors, Context.ConnectionAborted))
        {
            case DoorAnswer.Off:
                throw Refusal("Pods.Off");
            case DoorAnswer.Banned:
                throw Refusal("Pods.Banned");
            case DoorAnswer.Shadowed:
                // A shadow-banned visitor is not told: their pod moves for them alone.
                Context.Items[ShadowedPod] = true;
                return;
        }

        room.Show(Context.ConnectionId, new Participant(user.UserId, user.Name, SessionState.ColorFor(user.UserId)));
    }

    /// <summary>The caller's mouse on the page; passed on in the room's next batch when the caller shows their pod.</summary>
    public void MovePod(CursorPosition position)
    {
        var room = rooms.Of(Context.ConnectionId) ?? throw Refusal("Pods.NotShown");
        if (position is null || !position.IsValid)
        {
            throw Refusal("Together.BadCursor");
        }

        if (!relay.OfferPod(room, Context.ConnectionId, position with { Click = false }) && !Context.Items.ContainsKey(ShadowedPod))
        {
            throw Refusal("Pods.NotShown");
        }
    }

    private async Task GoneAsync((PageRoom Room, long? Hidden)? left)
    {
        if (left is ({ } room, { } userId))
        {
            await Clients.Group(room.Group).PodGone(userId);
        }
    }
}
