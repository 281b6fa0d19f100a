namespace Widget.Core.Text;

/// <summary>One piece of a post's text as <see cref="RichText.Parse"/> reads it.</summary>
public abstract record RichTextToken;

/// <summary>Characters shown exactly as written.</summary>
public sealed record TextToken(string Text) : RichTextToken;

/// <summary>An http or https address, already checked to be absolute with a host.</summary>
public sealed record LinkToken(string Url) : RichTextToken;

/// <param name="Text">As written, with its '#'.</param>
/// <param name="Tag">The normalised tag it links to.</param>
public sealed record TagToken(string Text, string Tag) : RichTextToken;

/// <param name="Text">As written, with its '@'.</param>
/// <param name="Name">The name after the '@'.</param>
public sealed record MentionToken(string Text, string Name) : RichTextToken;

public sealed record LineBreakToken : RichTextToken
{
    public static readonly LineBreakToken Instance = new();
}
