namespace Widget.Data.Sites;

public enum ClaimResult
{
    Claimed,
    AlreadyClaimed,

    /// <summary>Someone other than the claimant has posted in the tag: only an administrator can give it an owner.</summary>
    OthersPosted,
}
