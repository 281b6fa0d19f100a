using Microsoft.AspNetCore.Mvc;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Data.Sites;
using Widget.Web.Auth;

namespace Widget.Web.Calls;

/// <summary>
/// Calls by admission (<see cref="CallsMode.Admitted"/>): a visitor asks, a moderator of the channel admits or
/// declines (<see cref="CallDoor"/>). Join refuses whoever was not let in, whatever their widget skipped. Every
/// method here takes from the connection's signalling rate; asking is bounded besides per user and per channel.
/// </summary>
public sealed partial class CallHub
{
    private static readonly object AskedKey = new();

    /// <summary>True: join now (calls are open to the signed-in, or the caller moderates the channel or was let in).
    /// False: waiting for a moderator, whose answer comes as <c>JoinAnswered</c>.</summary>
    public async Task<bool> AskToJoin(string tag, [FromServices] SiteStore sites, [FromServices] ModerationStore moderation,
        [FromServices] CallDoor door)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        TakeRate();
        var (channel, mode) = await CallsModeAsync(tag, sites);
        await RefuseIfBannedAsync(user.UserId, channel, moderation);
        if (mode != CallsMode.Admitted || await door.MayJoinAsync(channel, user.UserId, Context.ConnectionAborted))
        {
            return true;
        }

        var request = new JoinRequest(DirectRoom.RandomId(), channel, user.UserId, user.Name);
        switch (await door.AskAsync(request, Context.ConnectionAborted))
        {
            case AskOutcome.Full:
                throw Refusal(Notice.Of("Call.Door.Full"));
            case AskOutcome.TooMany:
                throw Refusal(Notice.Of("Call.Door.TooMany"));
            case AskOutcome.Added:
                AskedHere[channel] = request.Id;
                break;
        }

        return false;
    }

    public async Task CancelAsk(string tag, [FromServices] CallDoor door)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        TakeRate();
        var channel = ParseTag(tag);
        AskedHere.Remove(channel);
        await door.WithdrawAsync(channel, user.UserId, null, Context.ConnectionAborted);
    }

    /// <summary>The requests waiting in the channel, for one who moderates it; null for anyone else.</summary>
    public async Task<IReadOnlyList<JoinRequest>?> JoinRequests(string tag, [FromServices] CallDoor door)
    {
        TakeRate();
        var channel = ParseTag(tag);
        return Context.User.ToPostAuthor() is { } user
            ? await door.WaitingForAsync(user.UserId, channel, Context.ConnectionAborted)
            : null;
    }

    public Task Admit(string tag, long userId, [FromServices] CallDoor door) => AnswerAskAsync(tag, userId, admit: true, door);

    public Task Decline(string tag, long userId, [FromServices] CallDoor door) => AnswerAskAsync(tag, userId, admit: false, door);

    private Dictionary<string, string> AskedHere =>
        Context.Items.TryGetValue(AskedKey, out var held) && held is Dictionary<string, string> asked
            ? asked
            : (Dictionary<string, string>)(Context.Items[AskedKey] = new Dictionary<string, string>());

    private async Task AnswerAskAsync(string tag, long userId, bool admit, CallDoor door)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.NotModerator"));
        TakeRate();
        var outcome = await door.AnswerAsync(user.UserId, ParseTag(tag), userId, admit, Context.ConnectionAborted);
        if (!outcome.Done)
        {
            throw Refusal(outcome.Words ?? Notice.Of("Call.NotModerator"));
        }
    }

    /// <summary>A widget that closed while asking withdraws what it asked, and nothing a later widget asked.</summary>
    private async Task WithdrawAsksAsync()
    {
        if (Context.User.ToPostAuthor() is not { } user)
        {
            return;
        }

        foreach (var (channel, id) in AskedHere)
        {
            await requestEnds.WithdrawAsync(channel, user.UserId, id);
        }
    }

    private void TakeRate()
    {
        if (!rate.TryTake(Context))
        {
            throw Refusal(Notice.Of("Call.TooFast"));
        }
    }

    private string ParseTag(string tag) =>
        Tag.TryParse(tag, out var parsed) ? parsed.Value.Value : throw Refusal(Notice.Of("Channel.Invalid"));
}
