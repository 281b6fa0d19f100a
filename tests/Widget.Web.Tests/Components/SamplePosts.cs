using Widget.Core.Posts;

namespace Widget.Web.Tests.Components;

internal static class SamplePosts
{
    public static readonly DateTimeOffset At = new(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);

    public static Post Make(long id, string text, string author = "Anna") =>
        new(id, AuthorId: 7, author, text, At, "mysite", ["mysite"]);
}
