using Microsoft.AspNetCore.SignalR;

namespace Widget.Bench.BareHub;

/// <summary>Join adds to a group and returns an empty catch-up; Post broadcasts to the group.</summary>
public sealed class BareLiveHub(Broadcaster broadcaster) : Hub<IBareClient>
{
    public const string Path = "/hubs/live";

    public async Task<CatchUp> Join(string tag, long afterSeq)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Broadcaster.Group(tag), Context.ConnectionAborted);
        return new CatchUp([], Reset: false);
    }

    public Task Leave(string tag) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, Broadcaster.Group(tag), Context.ConnectionAborted);

    public async Task<PostAccepted> Post(PostRequest request)
    {
        if (string.IsNullOrEmpty(request.Channel) || string.IsNullOrEmpty(request.Text))
        {
            throw new HubException("A post needs a channel and a text.");
        }

        return new PostAccepted(await broadcaster.PublishAsync(request.Channel, request.Text, Context.ConnectionAborted), Created: true);
    }
}
