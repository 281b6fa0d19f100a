namespace Widget.Web.Calls;

/// <summary>
/// Who waits to join a channel's call, and whom a moderator let in, as every node sees them: a visitor may ask on
/// one node and a moderator answer on another. One node keeps them in memory, a cluster in Redis. Taking a request
/// is atomic, so it is admitted, declined, withdrawn or timed out once, whichever comes first. An admission is held
/// for one user in one channel, until it lapses or is revoked.
/// </summary>
public interface ICallAdmissions
{
    /// <summary>Adds the request within <paramref name="limits"/>; a user already waiting in the channel is not counted again.</summary>
    Task<AskOutcome> AskAsync(JoinRequest request, AskLimits limits, CancellationToken ct);

    /// <summary>The channel's requests still waiting, oldest first.</summary>
    Task<IReadOnlyList<JoinRequest>> WaitingAsync(string tag, CancellationToken ct);

    /// <summary>Ends the user's request in the channel and returns it; with <paramref name="id"/>, only if it is still
    /// that request. Null when there was none to end.</summary>
    Task<JoinRequest?> TakeAsync(string tag, long userId, string? id, CancellationToken ct);

    /// <summary>Lets the user join the channel's call for <paramref name="lifetime"/> from now.</summary>
    Task AdmitAsync(string tag, long userId, TimeSpan lifetime, CancellationToken ct);

    Task<bool> IsAdmittedAsync(string tag, long userId, CancellationToken ct);

    /// <summary>Ends one user's admission in the channel, or with <paramref name="userId"/> null, everyone's.</summary>
    Task RevokeAsync(string tag, long? userId, CancellationToken ct);
}
