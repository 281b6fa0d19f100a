namespace Widget.Core.Sites;

/// <summary>Who may join the voice and video call of a site's channel. Stored by name, so a value is only ever
/// added, never renamed.</summary>
public enum CallsMode
{
    Off,

    /// <summary>Any signed-in visitor who is not banned in the channel.</summary>
    SignedIn,

    /// <summary>A signed-in visitor who is not banned asks, and joins once one of the channel's moderators lets
    /// them in; the moderators themselves join without asking.</summary>
    Admitted,
}
