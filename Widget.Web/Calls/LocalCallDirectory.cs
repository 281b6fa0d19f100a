namespace Widget.Web.Calls;

/// <summary>A single node's calls: all of them are in its <see cref="CallRooms"/>.</summary>
public sealed class LocalCallDirectory(CallRooms rooms) : ICallDirectory
{
    public Task<bool> TryJoinAsync(string tag, CallMember member, int max, CancellationToken ct) => Task.FromResult(true);

    public Task LeftAsync(string tag, IReadOnlyCollection<string> connectionIds) => Task.CompletedTask;

    public Task<bool> IsMemberAsync(string tag, string connectionId, CancellationToken ct) =>
        Task.FromResult(rooms.CallOf(connectionId) == tag);

    public Task<CallRoster> RosterAsync(string tag, int max, CancellationToken ct) => Task.FromResult(rooms.Roster(tag, max));
}
