namespace Widget.Core.Sites;

/// <summary>Who may join the voice and video call of a site's channel.</summary>
public enum CallsMode
{
    Off,

    /// <summary>Any signed-in visitor who is not banned in the channel.</summary>
    SignedIn,
}
