namespace Widget.Data.Moderation;

public enum ApprovalStatus
{
    Approved,

    /// <summary>Nothing of that id waits in the tag's queue (decided already, or never held there).</summary>
    NotWaiting,

    /// <summary>The author's client id had become a post meanwhile (a retry while premoderation was off); the held copy is dropped.</summary>
    PostedAlready,
}
