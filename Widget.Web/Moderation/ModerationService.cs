using Microsoft.AspNetCore.SignalR;
using Widget.Core.Moderation;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Web.Calls;
using Widget.Web.Language;
using Widget.Web.Realtime;
using Widget.Web.Viewing;

namespace Widget.Web.Moderation;

/// <summary>
/// Every moderator action: checks the caller's role, writes the change with its audit line to Postgres,
/// then tells every open widget. The moderator page calls this directly; it is server-side Blazor.
/// The pushes are not awaited (<see cref="DetachedSends"/>): the moderator's answer must not wait on the
/// slowest viewer, and a viewer who misses one sees the change on the next load of the page.
/// </summary>
public sealed partial class ModerationService(
    ModeratorAccess access,
    ModerationStore store,
    ChannelRoles roles,
    ChannelRulesStore rules,
    PostHtmlRenderer renderer,
    PostQueries posts,
    IHubContext<LiveHub, ILiveClient> hub,
    BanEnds banEnds,
    ICallEvictions calls,
    CallDoor door,
    WidgetPageEvictions pages,
    ILogger<ModerationService> logger)
{
    public async Task<ModerationOutcome> HideAsync(long moderatorId, string tag, long postId, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        var removed = await store.HideAsync(tag, postId, moderatorId, ct);
        if (removed is null)
        {
            return ModerationOutcome.NotFound($"Post {postId} is not shown in #{tag}.");
        }

        await PushRemovedAsync(removed);
        return ModerationOutcome.Ok($"Post {postId} is hidden from #{tag}.");
    }

    /// <summary>Shows a post hidden from the tag there again; the tag's open widgets get it back in its old place.</summary>
    public async Task<ModerationOutcome> UnhideAsync(long moderatorId, string tag, long postId, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (!await store.UnhideAsync(tag, postId, moderatorId, ct))
        {
            return ModerationOutcome.NotFound($"Post {postId} is not hidden from #{tag}.");
        }

        // Read back rather than assumed: a delete may have come in between, and then there is nothing to show.
        if (await posts.InTagAsync(Tag.Parse(tag), postId, ct) is { } shown)
        {
            var html = await renderer.RenderAsync(shown.Post);
            await pages.TagAsync(tag);
            Push(hub.Clients.Group(LiveGroups.ForTag(tag)).PostAdded(new PostEvent(tag, shown.Seq, shown.Post, html)), tag);
        }

        return ModerationOutcome.Ok($"Post {postId} is shown in #{tag} again.");
    }

    /// <summary>Authors may delete their own posts; moderators of the post's channel may delete any of its posts.</summary>
    public async Task<ModerationOutcome> DeleteAsync(long userId, long postId, CancellationToken ct)
    {
        var post = await posts.FindStoredAsync(postId, ct);
        if (post is null)
        {
            return ModerationOutcome.Visitor(ModerationStatus.NotFound, Notice.Of("Post.Gone", postId));
        }

        if (post.AuthorId != userId && !await access.CanModerateAsync(post.Channel, userId, ct))
        {
            return ModerationOutcome.NotAllowed(post.Channel);
        }

        var removed = await store.DeleteAsync(postId, userId, post.Channel, ct);
        if (removed is null)
        {
            return ModerationOutcome.Visitor(ModerationStatus.NotFound, Notice.Of("Post.Gone", postId));
        }

        await PushRemovedAsync(removed);
        return ModerationOutcome.Ok($"Post {postId} is deleted.");
    }

    /// <summary>Bans from now until <paramref name="until"/> (null: for good). Postgres refuses the user's next post
    /// on every node; the push only lets their open widgets say so at once. A <paramref name="shadow"/> ban
    /// refuses nothing and tells nobody: the user's posts are shown to them alone. Either kind takes the user out of
    /// the channel's call at once, since the others would still see and hear them, and ends their admission to it.</summary>
    public async Task<ModerationOutcome> BanAsync(
        long moderatorId, string tag, long userId, DateTimeOffset? until, string reason, bool shadow, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (access.IsAdministrator(userId) || await access.CanModerateAsync(tag, userId, ct))
        {
            return new ModerationOutcome(ModerationStatus.Forbidden, "Moderators of a channel cannot be banned from it.");
        }

        var ban = await store.BanAsync(tag, userId, until, UserText.Line(reason), shadow, moderatorId, ct);
        var words = BanMessages.Notice(tag, until, ban.Reason);
        // Awaited: once the moderator sees the ban, no admission outlives it, even when the ban is lifted soon after.
        await door.ShutAsync(tag, userId, ct);
        // A shadow-banned user is told only that a moderator took them out, not that they are banned.
        Push(calls.EvictAsync(new CallEviction(tag, shadow ? CallOutReason.Removed : CallOutReason.Banned, UserId: userId)), tag);
        if (shadow)
        {
            return ModerationOutcome.Ok($"{UserText.Line(ban.UserName)} is shadow-banned in #{tag}: only they see their new posts.");
        }

        Push(UserPush.ToUser(hub.Clients, userId, (user, language) =>
            user.Banned(new BannedEvent(tag, until, ban.Reason, VisitorText.Say(words, language)))), tag);
        return ModerationOutcome.Ok($"{UserText.Line(ban.UserName)} is banned from #{tag} {BanMessages.Length(until)}.");
    }

    public async Task<ModerationOutcome> LiftBanAsync(long moderatorId, string tag, long userId, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (!await store.LiftBanAsync(tag, userId, moderatorId, ct))
        {
            return ModerationOutcome.NotFound("That user is not banned here.");
        }

        await banEnds.TellAsync(userId, [tag], ct);
        return ModerationOutcome.Ok("The ban is lifted.");
    }

    /// <summary>Pins a post shown in the tag (null unpins); every open widget of the tag shows it on top at once.</summary>
    public async Task<ModerationOutcome> PinAsync(long moderatorId, string tag, long? postId, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (!await rules.PinAsync(tag, postId, moderatorId, ct))
        {
            return ModerationOutcome.NotFound($"Post {postId} is not shown in #{tag}.");
        }

        var pinned = await rules.PinnedAsync(tag, ct);
        var html = pinned is null ? null : await renderer.RenderAsync(pinned);
        await pages.TagAsync(tag);
        Push(hub.Clients.Group(LiveGroups.ForTag(tag)).PostPinned(new PostPinnedEvent(tag, pinned?.Id, html)), tag);
        return ModerationOutcome.Ok(pinned is null ? "Unpinned." : "Pinned.");
    }

    /// <summary>One post per <paramref name="seconds"/> per user; 0 turns slow mode off. Every open widget of the tag is told.</summary>
    public async Task<ModerationOutcome> SetSlowModeAsync(long moderatorId, string tag, int seconds, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (seconds is < 0 or > SlowMode.MaxSeconds)
        {
            return new ModerationOutcome(ModerationStatus.Invalid, $"Slow mode is 0 (off) to {SlowMode.MaxSeconds} seconds.");
        }

        await rules.SetSlowModeAsync(tag, seconds, moderatorId, ct);
        await pages.TagAsync(tag);
        Push(hub.Clients.Group(LiveGroups.ForTag(tag)).SlowModeChanged(new SlowModeEvent(tag, seconds)), tag);
        return ModerationOutcome.Ok(seconds == 0 ? "Slow mode is off." : $"One post every {seconds} s per user.");
    }

    /// <summary>Replaces the word list; <paramref name="list"/> holds one word per line or comma.</summary>
    public async Task<ModerationOutcome> SetBlockedWordsAsync(long moderatorId, string tag, string? list, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        var words = BlockedWords.Parse(list);
        await rules.SetBlockedWordsAsync(tag, words, moderatorId, ct);
        return ModerationOutcome.Ok($"{words.Count} blocked words.");
    }

    /// <summary>The owner names a moderator by user id, or by the name of someone who has posted in the tag.</summary>
    public async Task<ModerationOutcome> AppointAsync(long ownerId, string tag, string idOrName, CancellationToken ct)
    {
        if (!await access.CanAppointAsync(tag, ownerId, ct))
        {
            return new ModerationOutcome(ModerationStatus.Forbidden, $"Only the owner of #{tag} can appoint moderators.");
        }

        if (await roles.FindUserAsync(tag, idOrName.Trim(), ct) is not { } userId)
        {
            return ModerationOutcome.NotFound($"No user with id '{idOrName}', nor anyone by that name who posted in #{tag}.");
        }

        if (!await roles.AppointAsync(tag, userId, ownerId, ct))
        {
            return ModerationOutcome.Ok("Already a moderator.");
        }

        await store.LogAsync(tag, ownerId, ModerationAction.AppointModerator, userId, "", ct);
        return ModerationOutcome.Ok("Appointed.");
    }

    public async Task<ModerationOutcome> RemoveModeratorAsync(long ownerId, string tag, long userId, CancellationToken ct)
    {
        if (!await access.CanAppointAsync(tag, ownerId, ct))
        {
            return new ModerationOutcome(ModerationStatus.Forbidden, $"Only the owner of #{tag} can remove moderators.");
        }

        if (!await roles.RemoveAsync(tag, userId, ct))
        {
            return ModerationOutcome.NotFound("That user is not a moderator here.");
        }

        await store.LogAsync(tag, ownerId, ModerationAction.RemoveModerator, userId, "", ct);
        return ModerationOutcome.Ok("Removed.");
    }

    private async Task PushRemovedAsync(RemovedPost removed)
    {
        await pages.TagsAsync(removed.Tags);
        Push(Task.WhenAll(removed.Tags.Select(t => hub.Clients.Group(LiveGroups.ForTag(t)).PostRemoved(new PostRemovedEvent(t, removed.PostId)))),
            string.Join(", #", removed.Tags));
    }

    private void Push(Task sends, string tag) => DetachedSends.Observe(sends, null, e => LogPushFailed(logger, tag, e));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A moderation change in #{Tag} is stored but its live push failed; viewers see it on their next load")]
    private static partial void LogPushFailed(ILogger logger, string tag, Exception exception);
}
