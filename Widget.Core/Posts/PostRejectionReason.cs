namespace Widget.Core.Posts;

public enum PostRejectionReason
{
    Invalid,
    TooLong,
    RateLimited,
    Forbidden,
    NotFound,
}
