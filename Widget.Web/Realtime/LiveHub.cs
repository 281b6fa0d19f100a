using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Moderation;
using Widget.Core.Presence;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Reactions;
using Widget.Web.Auth;
using Widget.Web.Language;
using Widget.Web.Moderation;
using Widget.Web.Posting;
using Widget.Web.Presence;
using Widget.Web.Reactions;

namespace Widget.Web.Realtime;

/// <summary>
/// The widget's one connection. Anyone may join a tag and read; posting needs a token.
/// Session validity is checked on every call by <see cref="SessionHubFilter"/>.
/// </summary>
/// <remarks>
/// The hub is built anew, in a scope of its own, for every call. Scoped services (and the database context
/// behind most of them) are therefore asked for by the methods that use them, so a post does not also build
/// the moderation, reporting and reaction services.
/// </remarks>
public sealed class LiveHub(
    PresenceTracker presence,
    LiveChannels channels,
    TypingThrottle typing,
    IOptions<RealtimeOptions> options,
    IOptions<PresenceOptions> presenceOptions)
    : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public static bool Serves(HttpContext context) => context.Request.Path.StartsWithSegments(Path);

    /// <summary>A token that no longer signs anyone in (revoked while the page was closed) makes an
    /// anonymous connection; telling the widget lets it show the sign-in button instead of failing posts.</summary>
    public override async Task OnConnectedAsync()
    {
        var presentedToken = Context.GetHttpContext()?.Request.Query.ContainsKey("access_token") == true;
        if (Context.User.ToPostAuthor() is { } author)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserPush.Group(author.UserId, HubLanguage.Of(Context)), Context.ConnectionAborted);
        }
        else if (presentedToken)
        {
            await Clients.Caller.SignedOut();
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.ConnectionId);
        foreach (var tag in Context.Features.Get<JoinedTags>()?.All ?? [])
        {
            channels.Left(tag);
        }

        return Task.CompletedTask;
    }

    /// <summary>Joins the tag's group first, then returns what came after <paramref name="afterSeq"/>:
    /// a post committed in between is in the catch-up, the live stream, or both (the client drops the copy).</summary>
    public Task<CatchUp> Join(string tag, long afterSeq, [FromServices] CatchUpReader catchUp) =>
        FollowAsync(tag, afterSeq, catchUp, counted: true);

    /// <summary>As <see cref="Join"/>, without being counted as here: an owner's preview of the widget is no visitor.</summary>
    public Task<CatchUp> Watch(string tag, long afterSeq, [FromServices] CatchUpReader catchUp) =>
        FollowAsync(tag, afterSeq, catchUp, counted: false);

    private async Task<CatchUp> FollowAsync(string tag, long afterSeq, CatchUpReader catchUp, bool counted)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            throw Refusal(Notice.Of("Channel.Invalid"));
        }

        var joined = JoinedTags.Of(Context);
        if (!joined.Contains(parsed.Value.Value) && joined.Count >= options.Value.MaxTagsPerConnection)
        {
            throw Refusal(Notice.Plural("Hub.TooManyChannels", options.Value.MaxTagsPerConnection));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.ForTag(parsed.Value), Context.ConnectionAborted);
        if (joined.Add(parsed.Value.Value))
        {
            channels.Joined(parsed.Value.Value);
        }

        var here = counted
            ? await presence.JoinAsync(Context.ConnectionId, Viewer, parsed.Value.Value, Context.ConnectionAborted)
            : await presence.GetAsync(parsed.Value.Value, Context.ConnectionAborted);
        return await catchUp.AfterAsync(parsed.Value, afterSeq, Context.ConnectionAborted) with { Presence = here };
    }

    /// <summary>The host page the widget is on, as the embed script told it; answers how many are on that page.</summary>
    public async Task<int> SetPage(string tag, string url)
    {
        var page = HostPage.Normalize(url);
        if (!Tag.TryParse(tag, out var parsed) || page is null || !presence.IsIn(Context.ConnectionId, parsed.Value.Value))
        {
            throw Refusal(Notice.Of("Hub.JoinFirst"));
        }

        var channel = parsed.Value.Value;
        await Groups.AddToGroupAsync(Context.ConnectionId, HostPage.GroupName(channel, page), Context.ConnectionAborted);
        if (await presence.SetPageAsync(Context.ConnectionId, channel, page, Context.ConnectionAborted) is { } previous)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HostPage.GroupName(channel, previous), Context.ConnectionAborted);
        }

        return await presence.CountOnPageAsync(channel, page, Context.ConnectionAborted);
    }

    /// <summary>The signed-in caller is typing; passed on to the channel's other viewers, throttled.</summary>
    public async Task Typing(string tag)
    {
        if (Viewer is not { } user || !Tag.TryParse(tag, out var parsed) || !presence.IsIn(Context.ConnectionId, parsed.Value.Value)
            || !typing.TryPass(user.Id, parsed.Value.Value))
        {
            return;
        }

        var timeout = (int)presenceOptions.Value.TypingTimeout.TotalMilliseconds;
        await Clients.OthersInGroup(LiveGroups.ForTag(parsed.Value)).Typing(new TypingEvent(parsed.Value.Value, user.Id, user.Name, timeout));
    }

    public async Task Leave(string tag)
    {
        if (Tag.TryParse(tag, out var parsed) && JoinedTags.Of(Context).Remove(parsed.Value.Value))
        {
            channels.Left(parsed.Value.Value);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.ForTag(parsed.Value), Context.ConnectionAborted);
            await presence.LeaveAsync(Context.ConnectionId, parsed.Value.Value, Context.ConnectionAborted);
        }
    }

    public async Task<PostAccepted> Post(PostRequest request, [FromServices] PostingService posting)
    {
        var author = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("SignIn.ToPost"));
        var result = await posting.PostAsync(author, request.Channel, request.ClientId, request.Text, request.ReplyTo, Context.ConnectionAborted);
        if (result.IsHeld)
        {
            return new PostAccepted(result.Held.Post, result.Held.Created, Held: true, Say(PremoderationMessages.Held(result.Held.Tag)));
        }

        return result.Accepted
            ? new PostAccepted(result.Stored.Post, result.Stored.Created)
            : throw Refusal(result.Rejection!.Message);
    }

    /// <summary>The caller's own posts in the tag that nobody else sees (shadow-banned after <paramref name="afterSeq"/>,
    /// and held), and their ban there: what a reloaded page cannot know. Anonymous callers get nothing.</summary>
    public async Task<OwnView> Mine(string tag, long afterSeq, [FromServices] OwnViewReader own)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            throw Refusal(Notice.Of("Channel.Invalid"));
        }

        return Context.User.ToPostAuthor() is { } user
            ? await own.ReadAsync(user.UserId, parsed.Value.Value, afterSeq, HubLanguage.Of(Context), Context.ConnectionAborted)
            : new OwnView([], null);
    }

    private string Say(Notice notice) => VisitorText.Say(notice, HubLanguage.Of(Context));

    private HubException Refusal(Notice notice) => HubLanguage.Refusal(Context, notice);

    private PresentUser? Viewer => Context.User.ToPostAuthor() is { } author ? new PresentUser(author.UserId, author.Name) : null;

    /// <summary>Deletes one's own post (or, for a moderator of its channel, anyone's) from every tag.</summary>
    public async Task DeletePost(long postId, [FromServices] ModerationService moderation)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("SignIn.ToDelete"));
        var outcome = await moderation.DeleteAsync(user.UserId, postId, Context.ConnectionAborted);
        if (!outcome.Done)
        {
            throw Refusal(outcome.Words ?? Notice.Of("Post.Gone", postId));
        }
    }

    /// <summary>Changes the text of one's own post within the edit window; every viewer of its tags gets <c>PostEdited</c>.</summary>
    public async Task<Core.Posts.Post> EditPost(EditPostRequest request, [FromServices] PostEditing editing)
    {
        var author = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("SignIn.ToEdit"));
        var result = await editing.EditAsync(author, request.PostId, request.Text, Context.ConnectionAborted);
        return result.Accepted ? result.Post : throw Refusal(result.Rejection.Message);
    }

    /// <summary>Adds (or with <c>On = false</c> takes back) the caller's reaction; answers with the post's counts.</summary>
    public async Task<IReadOnlyList<Core.Reactions.ReactionCount>> React(ReactRequest request, [FromServices] ReactionService reactions)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("SignIn.ToReact"));
        var result = await reactions.ReactAsync(user.UserId, request.PostId, request.Emoji, request.On, Context.ConnectionAborted);
        return result.Accepted ? result.Counts : throw Refusal(result.Rejection.Message);
    }

    /// <summary>The caller's own reactions among these posts, so a reloaded widget can highlight them; none when signed out.</summary>
    public async Task<IReadOnlyList<OwnReaction>> MyReactions(long[] postIds, [FromServices] ReactionService reactions)
    {
        if (postIds.Length > ReactionService.MaxOwnQuery)
        {
            throw Refusal(Notice.Plural("Hub.TooManyPosts", ReactionService.MaxOwnQuery));
        }

        return Context.User.ToPostAuthor() is { } user
            ? await reactions.MineAsync(user.UserId, postIds, Context.ConnectionAborted)
            : [];
    }

    /// <summary>Reports a post to the moderators of the tag it was seen in; answers with a thank-you to show.</summary>
    public async Task<string> Report(ReportRequest request, [FromServices] ReportService reports)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("SignIn.ToReport"));
        var outcome = await reports.ReportAsync(user.UserId, request, Context.ConnectionAborted);
        return outcome.Done ? Say(outcome.Words!) : throw Refusal(outcome.Words!);
    }
}
