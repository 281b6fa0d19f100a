using Widget.Core.Posts;

namespace Widget.Web.Moderation;

/// <summary>A post in <paramref name="Tag"/> that only its author sees: shadow-banned (with its seq) or <paramref name="Held"/> (no seq yet).</summary>
public sealed record OwnPost(string Tag, long? Seq, Post Post, string Html, bool Held);
