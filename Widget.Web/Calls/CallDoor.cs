using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Web.Moderation;

namespace Widget.Web.Calls;

/// <summary>
/// The door of a call by admission, from a widget's call hub or from the desk: the same checks either way. Whoever
/// moderates the channel comes in without asking; anyone else asks, and the channel's moderators (its owner, its
/// appointed moderators, the administrators) are told at every widget they have open and see it at the desk. Only a
/// moderator of that channel may answer, and only a request still waiting there: an admission is never made for
/// someone who did not ask, nor carried to another user or channel. It lasts <see cref="CallOptions.AdmissionLifetime"/>
/// from the admit, renewed at every join, and ends sooner with a ban, a removal from the call or its end.
/// </summary>
public sealed class CallDoor(
    ICallAdmissions admissions, ModeratorAccess access, ChannelRoles roles, IOptions<ModerationOptions> moderation,
    IHubContext<CallHub, ICallClient> hub, IOptions<CallOptions> options, DeskNudges desks, JoinRequestEnds ends)
{
    public async Task<bool> MayJoinAsync(string tag, long userId, CancellationToken ct) =>
        await access.CanModerateAsync(tag, userId, ct) || await admissions.IsAdmittedAsync(tag, userId, ct);

    /// <summary>Whether the user may join now; an admission used is renewed, so a dropped connection can come back.</summary>
    public async Task<bool> EnterAsync(string tag, long userId, CancellationToken ct)
    {
        if (await access.CanModerateAsync(tag, userId, ct))
        {
            return true;
        }

        if (!await admissions.IsAdmittedAsync(tag, userId, ct))
        {
            return false;
        }

        await admissions.AdmitAsync(tag, userId, options.Value.AdmissionLifetime, ct);
        return true;
    }

    public async Task<AskOutcome> AskAsync(JoinRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await admissions.AskAsync(request, AskLimits.Of(options.Value), ct);
        if (outcome == AskOutcome.Added)
        {
            await (await ModeratorsAsync(request.Tag, ct)).JoinAsked(new JoinRequestEvent(request.Tag, request.UserId, request.Name));
            desks.Nudge([request.Tag]);
            ends.LapseLater(request);
        }

        return outcome;
    }

    /// <summary>The channel's waiting requests for one who moderates it; null for anyone else.</summary>
    public async Task<IReadOnlyList<JoinRequest>?> WaitingForAsync(long moderatorId, string tag, CancellationToken ct) =>
        await access.CanModerateAsync(tag, moderatorId, ct) ? await admissions.WaitingAsync(tag, ct) : null;

    public async Task<ModerationOutcome> AnswerAsync(long moderatorId, string tag, long userId, bool admit, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.Visitor(ModerationStatus.Forbidden, Notice.Of("Call.NotModerator"));
        }

        if (await admissions.TakeAsync(tag, userId, null, ct) is not { } request)
        {
            return ModerationOutcome.Visitor(ModerationStatus.NotFound, Notice.Of("Call.Door.Gone"));
        }

        if (admit)
        {
            await admissions.AdmitAsync(tag, userId, options.Value.AdmissionLifetime, ct);
        }

        await EndedAsync(request, new JoinAnsweredEvent(tag, admit, Answered: true), ct);
        return ModerationOutcome.Ok(admit ? $"{request.Name} may join the call." : $"{request.Name} was not let into the call.");
    }

    /// <summary>The asker withdraws, or their widget closed; with <paramref name="id"/>, only that request.</summary>
    public async Task WithdrawAsync(string tag, long userId, string? id, CancellationToken ct)
    {
        if (await admissions.TakeAsync(tag, userId, id, ct) is { } request)
        {
            await EndedAsync(request, null, ct);
        }
    }

    /// <summary>Nobody answered in time: the asker hears so, unless the request was answered or withdrawn first.</summary>
    public async Task LapseAsync(JoinRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await admissions.TakeAsync(request.Tag, request.UserId, request.Id, ct) is { } lapsed)
        {
            await EndedAsync(lapsed, new JoinAnsweredEvent(lapsed.Tag, Admitted: false, Answered: false), ct);
        }
    }

    /// <summary>A ban, or being taken out of the call, shuts the door on the user: admission and request both end.</summary>
    public async Task ShutAsync(string tag, long userId, CancellationToken ct)
    {
        await admissions.RevokeAsync(tag, userId, ct);
        await WithdrawAsync(tag, userId, null, ct);
    }

    /// <summary>The call was ended: whoever was let in asks again for the next one.</summary>
    public Task ShutAllAsync(string tag, CancellationToken ct) => admissions.RevokeAsync(tag, null, ct);

    private async Task EndedAsync(JoinRequest request, JoinAnsweredEvent? answer, CancellationToken ct)
    {
        var told = (await ModeratorsAsync(request.Tag, ct)).JoinRequestEnded(new JoinRequestEndedEvent(request.Tag, request.UserId));
        await (answer is null ? told : Task.WhenAll(told, hub.Clients.User(UserIds.Of(request.UserId)).JoinAnswered(answer)));
        desks.Nudge([request.Tag]);
    }

    private async Task<ICallClient> ModeratorsAsync(string tag, CancellationToken ct) =>
        hub.Clients.Users([.. (await roles.ModeratorIdsAsync(tag, ct)).Concat(moderation.Value.Administrators).Distinct().Select(UserIds.Of)]);
}
