namespace Widget.Web.Together;

/// <summary>
/// Tells every node that someone left a session or it ended, so that each drops what it holds of them for its own
/// connections (the membership it cached, their waiting cursors, their watching of the session's call) and then tells
/// those connections. Telling them on the node that holds them, after it forgot them, is what makes a call they make on
/// hearing it refused: told through the backplane, they could come back before that node had heard of the change.
/// </summary>
public interface ITogetherChanges
{
    Task PublishAsync(SessionChange change);
}
