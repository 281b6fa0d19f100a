using System.Text;
using System.Xml;
using Widget.Core.Posts;
using Widget.Core.Text;
using Widget.Web.Viewing;

namespace Widget.Web.Feeds;

/// <summary>
/// Writes an Atom 1.0 feed (RFC 4287). Entries carry the post as <c>type="text"</c>: a feed reader
/// shows it as written and nothing in it can become markup in someone else's reader.
/// </summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="origin">The service's scheme and host: Atom ids and links are absolute.</param>
    /// <param name="path">The page the feed mirrors; the feed itself is at <c>path + "/feed.atom"</c>.</param>
    /// <param name="posts">Newest first.</param>
    public static byte[] Write(string origin, string path, string title, IReadOnlyList<Post> posts)
    {
        var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, origin + path);
            xml.WriteElementString("title", Atom, Clean(title));
            // An empty feed has changed never, as far as a reader can tell.
            xml.WriteElementString("updated", Atom, Stamp(posts.Count > 0 ? posts.Max(p => p.UpdatedAt) : DateTimeOffset.UnixEpoch));
            Link(xml, "self", "application/atom+xml", origin + path + "/feed.atom");
            Link(xml, "alternate", "text/html", origin + path);
            xml.WriteElementString("generator", Atom, "Live widget");
            foreach (var post in posts)
            {
                Entry(xml, origin, post);
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static void Entry(XmlWriter xml, string origin, Post post)
    {
        var text = Clean(post.Text);
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, origin + PublicLinks.Post(post.Id));
        xml.WriteElementString("title", Atom, Title(text));
        xml.WriteElementString("updated", Atom, Stamp(post.UpdatedAt));
        xml.WriteElementString("published", Atom, Stamp(post.CreatedAt));
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, Clean(post.AuthorName));
        xml.WriteElementString("uri", Atom, origin + PublicLinks.User(post.AuthorId));
        xml.WriteEndElement();
        Link(xml, "alternate", "text/html", origin + PublicLinks.Post(post.Id));
        foreach (var tag in post.Tags)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", tag);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>The first line, shortened: Atom wants a title and a post has none.</summary>
    private static string Title(string text)
    {
        var line = text.AsSpan();
        var end = line.IndexOf('\n');
        line = end >= 0 ? line[..end] : line;
        return line.Length <= 80 ? line.ToString() : string.Concat(line[..79], "…");
    }

    private static string Stamp(DateTimeOffset time) => XmlConvert.ToString(time.ToUniversalTime());

    /// <summary>Characters XML cannot carry (lone surrogates, U+FFFE), bidi controls and invisible characters are dropped.</summary>
    private static string Clean(string text)
    {
        text = UserText.Clean(text);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }
}
