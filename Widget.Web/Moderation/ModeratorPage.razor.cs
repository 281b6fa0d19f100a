using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Web.Auth;
using Widget.Web.Calls;
using Widget.Web.Sites;

namespace Widget.Web.Moderation;

/// <summary>
/// A tag's moderator desk. Server-side Blazor, so it calls <see cref="ModerationService"/> directly: the
/// same checks and pushes as any other caller. It shows Postgres as of the last load, which a
/// <see cref="DeskWatch"/> repeats whenever the tag's <see cref="DeskMark"/> moves.
/// </summary>
public sealed partial class ModeratorPage : IDisposable
{
    private const int PageSize = 50;

    private PageState state = PageState.Loading;
    private long userId;
    private bool canAppoint;
    private bool isAdministrator;
    private string message = "";
    private IReadOnlyList<ChannelPost> posts = [];
    private IReadOnlyList<ChannelPost> hidden = [];
    private IReadOnlyList<ActiveBan> bans = [];
    private IReadOnlyList<ReportEntry> reports = [];
    private IReadOnlyList<LogEntry> log = [];
    private IReadOnlyList<ModeratorEntry> moderators = [];
    private IReadOnlyList<HeldPost> held = [];
    private CallRoster call = new("", [], 0);
    private IReadOnlyList<JoinRequest> requests = [];
    private PremoderationMode premoderation;
    private DeskMark? mark;
    private string? watched;

    // The circuit's services share one DbContext, which takes one operation at a time; the watch's checks
    // arrive between a moderator's clicks.
    private readonly SemaphoreSlim gate = new(1, 1);
    private long? pinnedId;
    private int slowModeSeconds;
    private string blockedWords = "";
    private string appointee = "";
    private string newOwner = "";
    private Post? banning;

    private enum PageState
    {
        Loading,
        NotAllowed,
        Ready,
    }

    [Parameter] public string Tag { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject] private ModeratorAccess Access { get; set; } = default!;

    [Inject] private ModerationService Moderation { get; set; } = default!;

    [Inject] private ModerationStore Store { get; set; } = default!;

    [Inject] private ChannelRulesStore Rules { get; set; } = default!;

    [Inject] private PostReports Reports { get; set; } = default!;

    [Inject] private ChannelRoles Roles { get; set; } = default!;

    [Inject] private PostQueries Posts { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private PremoderationService Premoderation { get; set; } = default!;

    [Inject] private HeldPosts Held { get; set; } = default!;

    [Inject] private DeskWatermarks Watermarks { get; set; } = default!;

    [Inject] private DeskWatch Watch { get; set; } = default!;

    [Inject] private ChannelHandover Handover { get; set; } = default!;

    [Inject] private ICallDirectory Calls { get; set; } = default!;

    [Inject] private CallModeration CallModeration { get; set; } = default!;

    [Inject] private CallDoor Door { get; set; } = default!;

    [Inject] private ICallAdmissions Admissions { get; set; } = default!;

    [Inject] private IOptions<CallOptions> CallOptions { get; set; } = default!;

    [Inject] private ILogger<ModeratorPage> Logger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        userId = (await Authentication).User.ToPostAuthor()?.UserId ?? 0;
        if (!Core.Tags.Tag.TryParse(Tag, out var tag) || !await Access.CanModerateAsync(tag.Value.Value, userId, CancellationToken.None))
        {
            state = PageState.NotAllowed;
            return;
        }

        Tag = tag.Value.Value;
        canAppoint = await Access.CanAppointAsync(Tag, userId, CancellationToken.None);
        isAdministrator = Access.IsAdministrator(userId);
        await LoadAsync();
        var rules = await Rules.GetAsync(Tag, CancellationToken.None);
        (slowModeSeconds, blockedWords) = (rules.SlowModeSeconds, string.Join('\n', rules.BlockedWords));
        // Only once interactive: a prerendering pass ends at once, and its watch would outlive it for nothing.
        if (RendererInfo.IsInteractive && watched != Tag)
        {
            Watch.Start(Tag, () => InvokeAsync(CheckAsync));
            watched = Tag;
        }

        state = PageState.Ready;
    }

    private async Task CheckAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (await Watermarks.ReadAsync(Tag, CancellationToken.None) != mark)
            {
                await LoadAsync();
                StateHasChanged();
            }
            else if (await Admissions.WaitingAsync(Tag, CancellationToken.None) is var waiting && !waiting.SequenceEqual(requests))
            {
                // Requests to join live in memory or Redis, not Postgres, so the mark does not move for them; this
                // desk's moderator was checked when it loaded, like everything else it shows.
                requests = waiting;
                StateHasChanged();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next check tries again; a desk must not die of one failed read.
            LogCheckFailed(Logger, Tag, e);
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The moderator desk of #{Tag} could not check for changes")]
    private static partial void LogCheckFailed(ILogger logger, string tag, Exception exception);

    private async Task RefreshAsync()
    {
        await gate.WaitAsync();
        try
        {
            await LoadAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    // The mark is read first: whatever lands after it makes the next check load again, never go unseen.
    private async Task LoadAsync()
    {
        var ct = CancellationToken.None;
        mark = await Watermarks.ReadAsync(Tag, ct);
        held = await Held.QueueAsync(Tag, PageSize, ct);
        premoderation = (await Rules.GetAsync(Tag, ct)).Premoderation;
        posts = await Posts.LatestAsync(Core.Tags.Tag.Parse(Tag), null, PageSize, ct);
        hidden = await Posts.HiddenAsync(Core.Tags.Tag.Parse(Tag), PageSize, ct);
        bans = await Store.BansAsync(Tag, ct);
        reports = await Reports.OfAsync(Tag, PageSize, ct);
        log = await Store.LogOfAsync(Tag, PageSize, ct);
        pinnedId = (await Rules.PinnedAsync(Tag, ct))?.Id;
        moderators = canAppoint ? await Roles.ModeratorsAsync(Tag, ct) : [];
        call = await Calls.RosterAsync(Tag, CallOptions.Value.MaxParticipants, ct);
        requests = await Door.WaitingForAsync(userId, Tag, ct) ?? [];
    }

    private Task HideAsync(long postId) => RunAsync(m => m.HideAsync(userId, Tag, postId, CancellationToken.None));

    private Task UnhideAsync(long postId) => RunAsync(m => m.UnhideAsync(userId, Tag, postId, CancellationToken.None));

    private Task DeleteAsync(long postId) => RunAsync(m => m.DeleteAsync(userId, postId, CancellationToken.None));

    private Task PinAsync(long? postId) => RunAsync(m => m.PinAsync(userId, Tag, postId, CancellationToken.None));

    private Task LiftAsync(long bannedId) => RunAsync(m => m.LiftBanAsync(userId, Tag, bannedId, CancellationToken.None));

    private async Task BanAsync(BanTerms terms)
    {
        var until = terms.Length is { } length ? Time.GetUtcNow() + length : (DateTimeOffset?)null;
        var authorId = banning!.AuthorId;
        banning = null;
        await RunAsync(m => m.BanAsync(userId, Tag, authorId, until, terms.Reason, terms.Shadow, CancellationToken.None));
    }

    private Task SaveSlowModeAsync() =>
        RunAsync(m => m.SetSlowModeAsync(userId, Tag, slowModeSeconds, CancellationToken.None));

    private Task SaveBlockedWordsAsync() =>
        RunAsync(m => m.SetBlockedWordsAsync(userId, Tag, blockedWords, CancellationToken.None));

    private Task AppointAsync() => RunAsync(m => m.AppointAsync(userId, Tag, appointee, CancellationToken.None));

    private Task RemoveModeratorAsync(long moderatorId) =>
        RunAsync(m => m.RemoveModeratorAsync(userId, Tag, moderatorId, CancellationToken.None));

    private Task ApproveAsync(long heldId) =>
        RunAsync(_ => Premoderation.ApproveAsync(userId, Tag, heldId, CancellationToken.None));

    private Task RejectAsync(HeldRejection rejection) =>
        RunAsync(_ => Premoderation.RejectAsync(userId, Tag, rejection.PostId, rejection.Reason, CancellationToken.None));

    private Task SavePremoderationAsync(PremoderationMode mode) =>
        RunAsync(_ => Premoderation.SetModeAsync(userId, Tag, mode, CancellationToken.None));

    private Task AnswerAskAsync(long askerId, bool admit) =>
        RunAsync(_ => Door.AnswerAsync(userId, Tag, askerId, admit, CancellationToken.None));

    private Task TakeOutOfCallAsync(string? connectionId) =>
        RunAsync(_ => CallModeration.TakeOutAsync(userId, Tag, connectionId, CancellationToken.None));

    private Task HandOverAsync() => RunAsync(_ => long.TryParse(newOwner.Trim(), out var newOwnerId)
        ? Handover.HandOverAsync(userId, Core.Tags.Tag.Parse(Tag), newOwnerId, CancellationToken.None)
        : Task.FromResult(new ModerationOutcome(ModerationStatus.Invalid, "Give the new owner's user id: the number in their profile's address, /u/ID.")));

    private async Task RunAsync(Func<ModerationService, Task<ModerationOutcome>> action)
    {
        await gate.WaitAsync();
        try
        {
            message = (await action(Moderation)).Message;
            await LoadAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    // The gate is left to the collector: a check already queued may still wait on it.
    public void Dispose() => Watch.Dispose();
}
