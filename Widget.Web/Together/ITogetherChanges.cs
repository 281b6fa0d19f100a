namespace Widget.Web.Together;

/// <summary>
/// Tells every node that someone left a session or it ended, so that each drops what it holds of them for its own
/// connections: the membership it cached, their waiting cursors, their watching of the session's call. The people
/// themselves are told by the node that made the change: the backplane reaches their connections wherever they are.
/// </summary>
public interface ITogetherChanges
{
    Task PublishAsync(SessionChange change);
}
