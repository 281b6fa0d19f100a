using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Presence;
using Widget.Web.Realtime;

namespace Widget.Web.Presence;

/// <summary>
/// This node's side of presence: reports its own connections to the shared <see cref="IPresenceStore"/>,
/// holds a closed connection for the grace period, and pushes the gathered changes once per interval.
/// </summary>
public sealed partial class PresenceTracker(
    IPresenceStore store,
    IHubContext<LiveHub, ILiveClient> hub,
    LiveChannels channels,
    IOptions<PresenceOptions> options,
    TimeProvider time,
    ILogger<PresenceTracker> logger)
{
    // A connection's entries, one per tag it is counted in: usually one, so an array, replaced on change,
    // rather than a dictionary per connection (~600 bytes per open widget).
    private readonly ConcurrentDictionary<string, PresenceConnection[]> byConnection = new();
    private readonly ClosingConnections closing = new();
    private readonly Lock gate = new();
    private Dictionary<string, PresenceDiffBuilder> diffs = new(StringComparer.Ordinal);
    private Dictionary<(string Tag, string Page), int> pageCounts = [];

    /// <summary>
    /// Counts the connection on the channel and returns who is there now, for the joining widget; null when
    /// the store cannot be reached (Redis away), since presence is an extra a join must not fail for. The
    /// connection is then not counted, and its next join (the widget joins again on reconnect) tries again.
    /// </summary>
    public async Task<ChannelPresence?> JoinAsync(string connectionId, PresentUser? user, string tag, CancellationToken ct)
    {
        var entry = new PresenceConnection(connectionId, tag, user, Page: null);
        try
        {
            if (!IsIn(connectionId, tag))
            {
                byConnection.AddOrUpdate(connectionId, static (_, added) => [added], static (_, entries, added) => [.. entries, added], entry);
                try
                {
                    Record(await store.AddAsync(entry, ct));
                }
                catch
                {
                    Update(connectionId, entries => Array.FindAll(entries, e => e != entry));
                    throw;
                }
            }

            return await store.GetAsync(tag, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreUnavailable(logger, tag, e);
            return null;
        }
    }

    /// <summary>Who is on the channel, for a viewer that is not counted; null when the store cannot be reached.</summary>
    public async Task<ChannelPresence?> GetAsync(string tag, CancellationToken ct)
    {
        try
        {
            return await store.GetAsync(tag, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreUnavailable(logger, tag, e);
            return null;
        }
    }

    /// <summary>Moves the connection to another host page; returns the page it left, if any.</summary>
    public async Task<string?> SetPageAsync(string connectionId, string tag, string page, CancellationToken ct)
    {
        if (Find(connectionId, tag) is not { } entry || entry.Page == page)
        {
            return null;
        }

        var moved = entry with { Page = page };
        Update(connectionId, entries => Array.ConvertAll(entries, e => e == entry ? moved : e));
        Record(await store.RemoveAsync(entry, ct));
        Record(await store.AddAsync(moved, ct));
        return entry.Page;
    }

    public async Task LeaveAsync(string connectionId, string tag, CancellationToken ct)
    {
        if (Find(connectionId, tag) is { } entry)
        {
            Update(connectionId, entries => Array.FindAll(entries, e => e != entry));
            Record(await store.RemoveAsync(entry, ct));
        }
    }

    public Task<int> CountOnPageAsync(string tag, string page, CancellationToken ct) => store.CountOnPageAsync(tag, page, ct);

    public bool IsIn(string connectionId, string tag) => Find(connectionId, tag) is not null;

    /// <summary>The connection closed; it keeps counting until the grace period ends.</summary>
    public void Disconnected(string connectionId)
    {
        if (byConnection.TryRemove(connectionId, out var entries))
        {
            var due = time.GetUtcNow() + options.Value.GracePeriod;
            foreach (var entry in entries)
            {
                closing.Add(due, entry);
            }
        }
    }

    /// <summary>
    /// Ends grace periods that are over and pushes what changed since the last call, spread over half the
    /// interval so the next flush finds this one done.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        while (closing.TryTakeDue(now, out var entry))
        {
            Record(await store.RemoveAsync(entry, ct));
        }

        Dictionary<string, PresenceDiffBuilder> changed;
        Dictionary<(string Tag, string Page), int> pages;
        lock (gate)
        {
            (changed, diffs) = (diffs, new(StringComparer.Ordinal));
            (pages, pageCounts) = (pageCounts, []);
        }

        var sends = new List<GroupSend>(pages.Count + changed.Count);
        // The host page modules open on one page are few: each page's count is taken as one frame.
        foreach (var ((tag, page), count) in pages)
        {
            sends.Add(new GroupSend(1, () => hub.Clients.Group(HostPage.GroupName(tag, page)).PageCountChanged(new PageCount(tag, count))));
        }

        foreach (var (tag, diff) in changed)
        {
            sends.Add(new GroupSend(channels.ViewersOf(tag), () => hub.Clients.Group(LiveGroups.ForTag(tag)).PresenceChanged(diff.Build())));
        }

        await PacedSends.RunAsync(sends, options.Value.FlushInterval / 2, time, ct);
    }

    private PresenceConnection? Find(string connectionId, string tag) =>
        byConnection.TryGetValue(connectionId, out var entries) ? Array.Find(entries, e => e.Tag == tag) : null;

    private void Update(string connectionId, Func<PresenceConnection[], PresenceConnection[]> change)
    {
        while (byConnection.TryGetValue(connectionId, out var entries) && !byConnection.TryUpdate(connectionId, change(entries), entries))
        {
            // Another change (the connection closing, say) came first: apply this one to what it left.
        }
    }

    private void Record(PresenceChange change)
    {
        lock (gate)
        {
            if (!diffs.TryGetValue(change.Tag, out var builder))
            {
                builder = new PresenceDiffBuilder(change.Tag);
                diffs.Add(change.Tag, builder);
            }

            builder.Add(change);
            if (change.Page is { } page)
            {
                pageCounts[(change.Tag, page)] = change.PageCount;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence could not be counted for a join to #{Tag}; the join goes on without it")]
    private static partial void LogStoreUnavailable(ILogger logger, string tag, Exception exception);
}
