namespace Widget.Web.Realtime;

/// <summary>What the server pushes to an open widget.</summary>
public interface ILiveClient
{
    Task PostAdded(PostEvent e);

    /// <summary>The connection's sign-in session was revoked; the widget forgets its token.</summary>
    Task SignedOut();
}
