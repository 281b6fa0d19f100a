namespace Widget.Data.Sites;

public enum ClaimResult
{
    Claimed,
    AlreadyClaimed,
}
