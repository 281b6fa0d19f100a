namespace Widget.Web.Moderation;

public enum ModerationStatus
{
    Done,
    Forbidden,
    NotFound,
    Invalid,
}
