using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// The sessions, as the hub changes them: in <see cref="ITogetherStore"/>, shared by every node, with this node's
/// connections noted beside them (<see cref="TogetherConnections"/>). A session is found by its id alone, which is
/// 128 random bits: the invitation link is the only way in, and the creator still decides. A session that stood
/// empty past <see cref="TogetherOptions.EmptySessionTimeout"/> is gone, whatever the store still holds of it.
/// </summary>
public sealed class TogetherSessions(
    ITogetherStore store, TogetherConnections connections, TimeProvider time, IOptions<TogetherOptions> options)
{
    public async Task<SessionView> StartAsync(string tag, Participant creator, string connectionId, CancellationToken ct)
    {
        var session = SessionState.Start(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), tag, creator, connectionId);
        connections.Enter(connectionId, session.Id, creator.UserId);
        await store.AddAsync(session, ct);
        return session.View();
    }

    /// <summary>What <paramref name="read"/> makes of the session; null when it is gone.</summary>
    public Task<T?> ReadAsync<T>(string sessionId, Func<SessionState, T?> read, CancellationToken ct)
        where T : class => WellFormed(sessionId) ? store.ReadAsync(sessionId, s => Live(s) ? read(s) : null, ct) : Task.FromResult<T?>(null);

    /// <summary>Changes the session (see <see cref="ITogetherStore.ChangeAsync{T}"/>); null when it is gone.</summary>
    public Task<T?> ChangeAsync<T>(string sessionId, Func<SessionState, T?> change, CancellationToken ct)
        where T : class => WellFormed(sessionId) ? store.ChangeAsync(sessionId, s => Live(s) ? change(s) : null, ct) : Task.FromResult<T?>(null);

    public Task<SessionView?> ViewAsync(string sessionId, CancellationToken ct) => ReadAsync(sessionId, s => s.View(), ct);

    public async Task<bool> IsParticipantAsync(string sessionId, long userId, CancellationToken ct) =>
        await ReadAsync(sessionId, s => s.IsParticipant(userId) ? s.Id : null, ct) is not null;

    /// <summary>
    /// Who the connection is in the session: known here for a connection that entered it on this node and has not
    /// been taken out since, else asked of the store; <c>Gone</c> when there is no such session.
    /// </summary>
    public async ValueTask<Membership> MemberOfAsync(string connectionId, string sessionId, CancellationToken ct)
    {
        if (!WellFormed(sessionId))
        {
            return new Membership(null, Gone: true);
        }

        if (connections.MemberOf(connectionId, sessionId) is { } known)
        {
            return new Membership(known, Gone: false);
        }

        var generation = connections.Generation(sessionId);
        var asked = await ReadAsync(sessionId, s => new Membership(s.MemberOf(connectionId), Gone: false), ct) ?? new Membership(null, Gone: true);
        if (asked.UserId is { } userId)
        {
            connections.Learn(connectionId, sessionId, userId, generation);
        }

        return asked;
    }

    /// <summary>Attaches a participant's connection; the session as it is then, or null when the user is no participant.</summary>
    public async Task<SessionView?> AttachAsync(string sessionId, string connectionId, long userId, CancellationToken ct)
    {
        var generation = connections.Generation(sessionId);
        connections.Enter(connectionId, sessionId, null);
        var view = await ChangeAsync(sessionId, s => s.Attach(connectionId, userId) ? s.View() : null, ct);
        if (view is not null)
        {
            connections.Learn(connectionId, sessionId, userId, generation);
        }

        return view;
    }

    /// <summary>A participant coming back is attached; anyone else knocks. Null when the session is gone.</summary>
    public async Task<KnockOutcome?> KnockAsync(Knock knock, string connectionId, CancellationToken ct)
    {
        var generation = connections.Generation(knock.SessionId);
        connections.Enter(connectionId, knock.SessionId, null);
        var outcome = await ChangeAsync(knock.SessionId, s => s.Attach(connectionId, knock.UserId)
            ? new KnockOutcome(s.View(), [])
            : new KnockOutcome(null, s.AddKnock(knock, connectionId)), ct);
        if (outcome?.Admitted is not null)
        {
            connections.Learn(connectionId, knock.SessionId, knock.UserId, generation);
        }

        return outcome;
    }

    /// <summary>A connection closed: it leaves every session it was in or knocking at. Returns those this node no longer holds.</summary>
    public async Task<IReadOnlyList<string>> DisconnectedAsync(string connectionId)
    {
        var left = connections.Close(connectionId);
        foreach (var sessionId in left)
        {
            await store.ChangeAsync(sessionId, s =>
            {
                s.Detach(connectionId, time.GetUtcNow());
                return s.Id;
            }, CancellationToken.None);
        }

        return [.. left.Where(id => !connections.Holds(id))];
    }

    public Task EndAsync(string sessionId, CancellationToken ct) => store.RemoveAsync(sessionId, ct);

    /// <summary>Every session this node has a connection in or at the door of.</summary>
    public IReadOnlyCollection<string> HeldHere() => connections.Sessions();

    // 16 random bytes in base64url: anything else names no session, and is not worth a trip to the store.
    private static bool WellFormed(string? sessionId) =>
        sessionId is { Length: 22 } && sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private bool Live(SessionState session) => !session.IsAbandoned(time.GetUtcNow(), options.Value.EmptySessionTimeout);
}
